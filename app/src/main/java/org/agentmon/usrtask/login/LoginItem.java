package org.agentmon.usrtask.login;

import java.io.IOException;

/** Whether UsrTask starts when this user logs in; reads and writes what is on disk. */
public interface LoginItem {
  /**
   * Reads the current setting from disk (and the service manager where it keeps one).
   *
   * @return whether UsrTask starts at this user's login
   */
  boolean isEnabled();

  /**
   * Turns starting at login on or off.
   *
   * @param enabled the new setting
   * @throws IOException if a file cannot be written or the service manager refuses
   */
  void setEnabled(boolean enabled) throws IOException;

  /**
   * @return why the user cannot change the setting (an organization manages it), or null
   */
  default String managedReason() {
    return null;
  }
}
