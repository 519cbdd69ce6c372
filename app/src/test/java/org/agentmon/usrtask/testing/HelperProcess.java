package org.agentmon.usrtask.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.client.HelperClient;
import org.agentmon.platform.HelperCommand;
import org.agentmon.protocol.Status;

/**
 * A real helper ({@code agentmon daemon}) in its own JVM on a socket in a temp directory, started
 * from the test class path. {@link #close()} kills whatever helper answers there, including
 * replacements started by a restart.
 */
public final class HelperProcess implements AutoCloseable {
  private final Path dir;
  private final List<String> prefix;
  private final List<Process> started = new ArrayList<>();

  /**
   * @param dir a directory for the socket, the state and the log
   * @param prefix runs the JVM through this (e.g. setpriv), or empty
   */
  public HelperProcess(Path dir, List<String> prefix) {
    this.dir = dir;
    this.prefix = List.copyOf(prefix);
  }

  /** @return the socket */
  public Path socket() {
    return dir.resolve("agentmon.sock");
  }

  /** @return the helper's log */
  public Path log() {
    return dir.resolve("helper.log");
  }

  /**
   * Starts a helper and waits until it answers.
   *
   * @return the process started
   * @throws IOException if it does not answer within 20 s
   */
  public Process start() throws IOException {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(HelperCommand.thisJava().jvm(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"))
        .classPath(System.getProperty("java.class.path")).daemon("--socket", socket().toString(),
            "--state-dir", dir.resolve("state").toString(), "--log-file", log().toString()));
    Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/null"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("helper.err").toFile())).start();
    started.add(p);
    try (HelperClient c = HelperClient.connect(socket(), Duration.ofSeconds(20))) {
      c.status();
    } catch (IOException e) {
      throw new IOException(e.getMessage() + "\nhelper log:\n" + logText(), e);
    }
    return p;
  }

  /**
   * @return the status of whatever answers now
   * @throws IOException if nothing answers within 5 s
   */
  public Status status() throws IOException {
    try (HelperClient c = HelperClient.connect(socket(), Duration.ofSeconds(5))) {
      return c.status();
    }
  }

  /**
   * @return the last 100 events of the audit trail, oldest first
   * @throws IOException if nothing answers within 5 s
   */
  public java.util.List<java.util.Map<?, ?>> events() throws IOException {
    try (HelperClient c = HelperClient.connect(socket(), Duration.ofSeconds(5))) {
      return c.events(100, null);
    }
  }

  /** @return the helper's log, for failure messages */
  public String logText() {
    try {
      return Files.exists(log()) ? Files.readString(log()) : "(no log)";
    } catch (IOException e) {
      return "(unreadable log: " + e + ")";
    }
  }

  @Override
  public void close() {
    try (HelperClient c = HelperClient.connect(socket(), Duration.ZERO)) {
      ProcessHandle.of(c.status().pid()).ifPresent(ProcessHandle::destroyForcibly);
    } catch (IOException | RuntimeException nobodyThere) {
      // already gone
    }
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }
}
