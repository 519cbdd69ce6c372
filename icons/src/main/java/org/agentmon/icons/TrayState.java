package org.agentmon.icons;

/** The helper states the tray icon can show, each with a short description for tooltips. */
public enum TrayState {
  /** The helper answers and runs normally. */
  RUNNING("Helper running"),
  /** A restart, stop or start is in progress. */
  WORKING("Working…"),
  /**
   * Someone should look: safe mode, a refused configuration, a server unreachable for minutes,
   * versions that differ.
   */
  DEGRADED("Needs attention"),
  /** Stopped on purpose by an administrator; drawn dimmed. */
  STOPPED("Stopped on purpose"),
  /** The helper does not answer on its socket although it should. */
  UNREACHABLE("Not running"),
  /** No helper on this computer (no socket): nothing crashed, it was never installed. */
  NOT_INSTALLED("Not installed");

  private final String description;

  TrayState(String description) {
    this.description = description;
  }

  /**
   * Says the state in words, for a tooltip or a screen reader.
   *
   * @return a short human description, for example {@code "Helper running"}
   */
  public String description() {
    return description;
  }
}
