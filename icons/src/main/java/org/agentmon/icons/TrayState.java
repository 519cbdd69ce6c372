package org.agentmon.icons;

/** The helper states the tray icon can show, each with a short description for tooltips. */
public enum TrayState {
  /** The helper answers and runs normally. */
  RUNNING("Helper running"),
  /** The helper answers but is degraded, for example in safe mode after a crash loop. */
  DEGRADED("Helper degraded (safe mode)"),
  /** The helper answers but is stopped or disabled. */
  STOPPED("Helper stopped"),
  /** The helper does not answer on its socket. */
  UNREACHABLE("Helper not reachable");

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
