package org.agentmon.cli;

/** Exit codes of the client commands, after the LSB's {@code status} convention. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int NOT_RUNNING = 3;
  static final int PERMISSION_DENIED = 4;

  private ExitCodes() {}
}
