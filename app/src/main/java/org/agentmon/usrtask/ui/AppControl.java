package org.agentmon.usrtask.ui;

/** What the model asks of the running application: it owns the process, the model does not. */
interface AppControl {
  /** Exits UsrTask (0) and leaves the helper alone. */
  void quit();

  /** Starts a fresh UsrTask and exits this one. */
  void relaunch();

  /** Brings the status window to the front. */
  void showStatus();
}
