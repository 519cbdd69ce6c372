package org.agentmon.usrtask;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.agentmon.client.HelperClient;
import org.agentmon.platform.HelperCommand;
import org.agentmon.usrtask.live.HelperStarter;

/**
 * Development mode's helper: an unprivileged {@code agentmon daemon} on a per-user socket, started
 * from UsrTask's own jar (it contains the helper) when nothing answers there. It runs detached, so
 * quitting UsrTask leaves it running, as an installed helper would be.
 *
 * @param socket the per-user socket it binds
 * @param stateDir its state directory
 * @param logFile its log
 */
record DevHelper(Path socket, Path stateDir, Path logFile) implements HelperStarter {

  /** A helper whose state and log sit next to its socket. */
  static DevHelper beside(Path socket) {
    Path dir = socket.getParent();
    return new DevHelper(socket, dir.resolve("state"), dir.resolve("helper.log"));
  }

  /** @return whether a helper answers on the socket now */
  boolean answers() {
    try (HelperClient c = HelperClient.connect(socket, Duration.ZERO)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void startHelper() throws IOException {
    if (answers()) {
      return;
    }
    Files.createDirectories(stateDir);
    List<String> cmd = new java.util.ArrayList<>();
    // Its own session, so Ctrl-C on UsrTask's terminal (a signal to the whole process group)
    // leaves the helper running, as an installed one would.
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      cmd.add("/usr/bin/setsid");
    }
    // the flags the installed helper runs (and the bench measured) with
    cmd.addAll(HelperCommand.thisJava().jvm(HelperCommand.jvmFlags())
        .classPath(SelfCommand.absolute(System.getProperty("java.class.path")))
        .daemon("--socket", socket.toString(), "--state-dir", stateDir.toString(), "--log-file", logFile.toString()));
    Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/null"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.appendTo(logFile.resolveSibling("helper.err").toFile())).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!answers()) {
      if (!p.isAlive() || System.nanoTime() - deadline > 0) {
        throw new IOException("the development helper did not come up on " + socket + " (exit "
            + (p.isAlive() ? "none yet" : p.exitValue()) + "); see " + logFile);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while starting the development helper");
      }
    }
  }
}
