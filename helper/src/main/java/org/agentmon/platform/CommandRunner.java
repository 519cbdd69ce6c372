package org.agentmon.platform;

import java.io.IOException;
import java.util.List;

/**
 * Runs a service-manager command ({@code launchctl}, {@code systemctl}, {@code ps}, {@code id}):
 * the one seam where tests put a recording fake, because launchd cannot exist on a Linux test
 * machine. Commands are fixed by the program; nothing from a client is ever part of one.
 */
@FunctionalInterface
public interface CommandRunner {
  /**
   * Runs a command to completion.
   *
   * @param command the program and its arguments
   * @return the exit code and the output
   * @throws IOException if it cannot be started or does not finish in time
   */
  CommandResult run(List<String> command) throws IOException;

  /**
   * Runs a command that must succeed.
   *
   * @param command the program and its arguments
   * @return its output
   * @throws IOException if it cannot run, does not finish in time or exits non-zero; the message
   *     carries the command and its output
   */
  default String check(List<String> command) throws IOException {
    CommandResult r = run(command);
    if (!r.ok()) {
      throw new IOException(String.join(" ", command) + " exited " + r.exitCode() + ": " + r.output());
    }
    return r.output();
  }
}
