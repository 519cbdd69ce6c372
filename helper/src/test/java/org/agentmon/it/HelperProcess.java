package org.agentmon.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.agentmon.client.HelperClient;
import org.agentmon.platform.HelperCommand;
import org.agentmon.protocol.Status;

/**
 * A real helper process from the built jar, in its own temporary directory. Remembers every helper
 * pid it saw (restarts start new processes) and kills them all on close.
 */
public final class HelperProcess implements AutoCloseable {
  final Path dir;
  public final Path socket;
  final Path stateDir;
  final Path logFile;
  private final List<String> prefix = new ArrayList<>();
  private final List<String> extra = new ArrayList<>();
  private final List<String> jvm = new ArrayList<>();
  private final Set<Long> pids = new LinkedHashSet<>();
  private Process process;

  public HelperProcess(Path dir) {
    this.dir = dir;
    this.socket = dir.resolve("agentmon.sock");
    this.stateDir = dir.resolve("state");
    this.logFile = dir.resolve("helper.log");
  }

  /** Runs the helper under another program (systemd-socket-activate, setpriv…). */
  HelperProcess prefix(String... cmd) {
    prefix.addAll(List.of(cmd));
    return this;
  }

  /** JVM flags for the helper (the bench runs it with the installed launch flags). */
  public HelperProcess jvm(List<String> flags) {
    jvm.addAll(flags);
    return this;
  }

  HelperProcess args(String... more) {
    extra.addAll(List.of(more));
    return this;
  }

  List<String> command() {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(HelperCommand.java(Jar.java()).jvm(jvm).jar(Jar.path().toString()).daemon("--socket", socket.toString(),
        "--state-dir", stateDir.toString(), "--log-file", logFile.toString()));
    cmd.addAll(extra);
    return cmd;
  }

  /** Starts the process and waits until a helper answers on the socket. */
  public HelperProcess start() throws IOException {
    launch();
    Status s = awaitAnswer(Duration.ofSeconds(20));
    pids.add(s.pid());
    return this;
  }

  /** Starts the process without waiting (e.g. when it must refuse to start). */
  Process launch() throws IOException {
    Files.createDirectories(dir);
    ProcessBuilder pb = new ProcessBuilder(command());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("process.out").toFile());
    process = pb.start();
    pids.add(process.pid());
    return process;
  }

  public Process process() {
    return process;
  }

  /** Waits until {@code status} answers and returns it. */
  Status awaitAnswer(Duration within) throws IOException {
    long deadline = System.nanoTime() + within.toNanos();
    IOException last = null;
    while (System.nanoTime() - deadline < 0) {
      try (HelperClient c = HelperClient.connect(socket, Duration.ofMillis(200))) {
        Status s = c.status();
        pids.add(s.pid());
        return s;
      } catch (IOException e) {
        last = e;
      }
      pause(50);
    }
    throw new IOException("no helper answered on " + socket + " within " + within + "; log:\n" + log(), last);
  }

  public HelperClient client() throws IOException {
    return HelperClient.connect(socket, Duration.ofSeconds(10));
  }

  Status status() throws IOException {
    try (HelperClient c = client()) {
      Status s = c.status();
      pids.add(s.pid());
      return s;
    }
  }

  String log() {
    StringBuilder sb = new StringBuilder();
    for (Path p : List.of(logFile, dir.resolve("process.out"))) {
      try {
        if (Files.exists(p)) {
          sb.append(Files.readString(p, StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        sb.append("(cannot read ").append(p).append(")");
      }
    }
    return sb.toString();
  }

  void track(long pid) {
    pids.add(pid);
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  static boolean awaitExit(long pid, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (!alive(pid)) {
        return true;
      }
      pause(20);
    }
    return !alive(pid);
  }

  public static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    for (long pid : pids) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
