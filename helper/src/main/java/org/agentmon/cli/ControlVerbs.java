package org.agentmon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.agentmon.client.HelperClient;

/** What {@code stop} and {@code start} do once connected, shared by their commands and {@link ClientFastPath}. */
final class ControlVerbs {
  /** How long {@code start} waits for a helper that must start first (socket activation). */
  static final long START_CONNECT_RETRY_MILLIS = 5000;

  private ControlVerbs() {}

  static int stop(HelperClient client, PrintWriter out) throws IOException {
    client.stop();
    out.println("Helper stopped: disabled until `agentmon start`.");
    out.flush();
    return ExitCodes.OK;
  }

  static int start(HelperClient client, PrintWriter out) throws IOException {
    client.start();
    out.println("Helper started: enabled and running.");
    out.flush();
    return ExitCodes.OK;
  }
}
