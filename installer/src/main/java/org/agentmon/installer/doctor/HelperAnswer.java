package org.agentmon.installer.doctor;

import org.agentmon.protocol.Status;

/**
 * What the helper's socket said: its status, or why there was none.
 *
 * @param status the helper's status, or null
 * @param problem null when it answered; otherwise {@code absent} (no socket file),
 *     {@code refused} (a file nobody listens on), {@code denied} or {@code error}
 * @param detail the underlying error text, or null
 */
record HelperAnswer(Status status, String problem, String detail) {
  static final String ABSENT = "absent";
  static final String REFUSED = "refused";
  static final String DENIED = "denied";
  static final String ERROR = "error";

  boolean answered() {
    return status != null;
  }
}
