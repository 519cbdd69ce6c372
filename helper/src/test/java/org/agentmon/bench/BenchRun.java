package org.agentmon.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.Jar;

/**
 * What every figure group shares in one run: the temporary directory, the rows measured so far, and
 * the processes it started (ended on close, SIGTERM first: a supervisor ends its helper on SIGTERM).
 */
final class BenchRun implements AutoCloseable {
  /** The helper's launch flags, from the one list the installer's {@code HelperLaunch} must equal (a test checks). */
  static final List<String> FLAGS = Jar.launchFlags();

  final Path dir;
  private final List<Row> rows = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();

  BenchRun(Path dir) {
    this.dir = dir;
  }

  void add(Row row) {
    rows.add(row);
  }

  List<Row> rows() {
    return rows;
  }

  /** The bench's class path: its test classes and the helper jar (for junixsocket). */
  static String classPath() {
    return System.getProperty("bench.testClasses", "target/test-classes") + ":" + Jar.path();
  }

  /** {@code java}, the launch flags, then {@code tail}. */
  static List<String> java(String... tail) {
    List<String> cmd = new ArrayList<>(List.of(Jar.java()));
    cmd.addAll(FLAGS);
    cmd.addAll(List.of(tail));
    return cmd;
  }

  /** A helper with the launch flags in {@code dir/name}, answering. */
  HelperProcess helper(String name) throws IOException {
    return new HelperProcess(dir.resolve(name)).jvm(FLAGS).start();
  }

  /** Starts the launchd-like supervisor holding {@code sock} around {@code cmd}; the child starts on demand. */
  Process supervise(Path sock, List<String> cmd) throws IOException {
    Path script = dir.resolve("launchd_like_supervisor.py");
    if (!Files.exists(script)) {
      try (InputStream in = BenchRun.class.getResourceAsStream("/launchd_like_supervisor.py")) {
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.deleteIfExists(sock);
    List<String> full = new ArrayList<>(List.of("python3", script.toString(), sock.toString(),
        dir.resolve(sock.getFileName() + ".events").toString(), "0.05", "--"));
    full.addAll(cmd);
    Path events = dir.resolve(sock.getFileName() + ".events");
    Files.deleteIfExists(events);
    Process p = new ProcessBuilder(full).redirectErrorStream(true)
        .redirectOutput(dir.resolve(sock.getFileName() + ".out").toFile()).start();
    return started(p, events, true); // its first event says it listens: the socket file alone may not yet
  }

  /** A raw junixsocket line echo on {@code sock} ({@link EchoServer}). */
  Process echoServer(Path sock) throws IOException {
    return baseline(sock, EchoServer.class.getName(), "serve", sock.toString());
  }

  /** The floor of the helper's design, serving on {@code sock}: see {@link SelectorEcho}. */
  Process selectorEcho(Path sock) throws IOException {
    return baseline(sock, SelectorEcho.class.getName(), sock.toString());
  }

  private Process baseline(Path sock, String... mainAndArgs) throws IOException {
    List<String> cmd = java("-cp", classPath());
    cmd.addAll(List.of(mainAndArgs));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    return started(p, sock, false);
  }

  /** Ends a process started here (SIGTERM, then SIGKILL after 10 s). */
  void end(Process p) throws InterruptedException {
    p.destroy();
    p.waitFor(10, TimeUnit.SECONDS);
    p.destroyForcibly();
    processes.remove(p);
  }

  /** Waits up to 30 s for {@code ready} to exist (and hold something, if {@code written}). */
  private Process started(Process p, Path ready, boolean written) throws IOException {
    processes.add(p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!(Files.exists(ready) && (!written || Files.size(ready) > 0)) && System.nanoTime() < deadline) {
      HelperProcess.pause(10);
    }
    return p;
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : List.copyOf(processes)) {
      end(p);
    }
  }
}
