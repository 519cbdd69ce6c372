package org.agentmon.usrtask.present;

/** The helper actions the window and the menu offer. */
public enum Action {
  /** Restart AgentMon (admin). */
  RESTART("Restart AgentMon"),
  /** Stop AgentMon for everyone on this computer (admin). */
  STOP("Stop AgentMon"),
  /** Start AgentMon again (admin). */
  START("Start AgentMon");

  private final String label;

  Action(String label) {
    this.label = label;
  }

  /** @return the button and menu label */
  public String label() {
    return label;
  }
}
