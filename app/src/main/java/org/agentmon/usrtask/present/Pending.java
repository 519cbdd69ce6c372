package org.agentmon.usrtask.present;

/** The action this user just asked for and that has not finished yet. */
public enum Pending {
  /** Nothing in progress. */
  NONE,
  /** Restart asked; waiting for the new instance. */
  RESTART,
  /** Stop asked; waiting for the helper to turn off. */
  STOP,
  /** Start asked; waiting for the helper to run. */
  START
}
