package org.agentmon.installer.install;

import java.io.IOException;
import java.util.List;

/**
 * Runs service-manager commands ({@code launchctl}, {@code systemctl}, {@code ps}). The one seam
 * where tests put a recording fake, because launchd cannot exist on a Linux test machine.
 */
public interface CommandRunner {
  /**
   * Runs a command to completion.
   *
   * @param command the argv; never built from client input
   * @return exit code and output
   * @throws IOException if the command cannot be started or does not finish in time
   */
  CommandResult run(List<String> command) throws IOException;
}
