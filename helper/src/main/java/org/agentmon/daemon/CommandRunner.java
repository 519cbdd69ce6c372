package org.agentmon.daemon;

import java.io.IOException;
import java.util.List;

/**
 * Runs a service-manager command (launchctl, systemctl). One small seam so tests can record the
 * exact command where the tool does not exist (launchctl on Linux). Commands are fixed by the
 * helper; nothing from a client is ever part of one.
 */
interface CommandRunner {
  /**
   * Runs a command to completion.
   *
   * @param command the program and its arguments
   * @param timeoutMillis how long to wait
   * @return the exit status, or -1 if it did not finish in time
   * @throws IOException if it could not be started (e.g. the program does not exist)
   */
  int run(List<String> command, long timeoutMillis) throws IOException;
}
