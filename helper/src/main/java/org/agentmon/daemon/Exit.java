package org.agentmon.daemon;

/**
 * How the server loop ended.
 *
 * @param code the exit status
 * @param how {@code stop}, {@code restart}, {@code signal}, {@code idle} or {@code error}, as the run
 *     history records it
 * @param why one line for the log
 */
record Exit(int code, String how, String why) {
  boolean restart() {
    return "restart".equals(how);
  }
}
