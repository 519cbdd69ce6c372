package org.agentmon.usrtask.login;

import java.io.IOException;
import java.util.List;

/** Runs a service-manager command such as {@code launchctl}; tests on Linux record instead. */
@FunctionalInterface
public interface CommandRunner {
  /**
   * Runs a command to completion.
   *
   * @param command the program and its arguments
   * @return what it printed on stdout
   * @throws IOException if it cannot run or exits non-zero; the message carries its output
   */
  String run(List<String> command) throws IOException;

  /** @return a runner that starts real processes */
  static CommandRunner processes() {
    return command -> {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      try {
        int rc = p.waitFor();
        if (rc != 0) {
          throw new IOException(String.join(" ", command) + " exited " + rc + ": " + out.strip());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted running " + String.join(" ", command));
      }
      return out;
    };
  }
}
