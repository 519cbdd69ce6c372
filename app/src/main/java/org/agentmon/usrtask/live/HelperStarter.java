package org.agentmon.usrtask.live;

import java.io.IOException;

/** Starts a helper on the link's socket when none runs: development mode's "Start Helper". */
@FunctionalInterface
public interface HelperStarter {
  /**
   * Starts a helper process and returns once it answers.
   *
   * @throws IOException if it cannot be started or never answers
   */
  void startHelper() throws IOException;
}
