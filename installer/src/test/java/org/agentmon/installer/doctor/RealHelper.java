package org.agentmon.installer.doctor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agentmon.platform.HelperCommand;

/**
 * The real helper ({@code agentmon daemon}, from the helper artifact on the test class path) as
 * a child process binding its own socket, until it answers.
 */
final class RealHelper implements AutoCloseable {
  private final Process process;

  RealHelper(Path socket, Path stateDir, Path logDir, String... extraArgs) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(HelperCommand.thisJava()
        .jvm(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")).classPath(System.getProperty("java.class.path"))
        .daemon("--socket", socket.toString(), "--state-dir", stateDir.toString(),
            "--log-file", logDir.resolve("helper.log").toString()));
    cmd.addAll(List.of(extraArgs));
    process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("helper.out").toFile())).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!HelperProbe.ask(socket).answered()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IOException("helper did not answer on " + socket + "; see " + logDir);
      }
      Thread.sleep(100);
    }
  }

  /** Kills the helper with SIGKILL, as a crash would, and waits for it to be gone. */
  void crash() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** @return whether the helper process still runs (doctor must not have disturbed it) */
  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
