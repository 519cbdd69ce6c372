package org.agentmon.usrtask.ui;

/**
 * The first time someone closes the window, say once that AgentMon stays in the menu bar (people
 * otherwise think they quit it); remembered per user.
 */
final class CloseHint {
  static final String SHOWN = "closeHint.shown";
  private final UserSettings settings;
  private final Runnable tell;

  /**
   * @param settings this user's choices
   * @param tell shows the hint (a tray notification)
   */
  CloseHint(UserSettings settings, Runnable tell) {
    this.settings = settings;
    this.tell = tell;
  }

  /** Call when the window was hidden. */
  void windowHidden() {
    if (!settings.flag(SHOWN)) {
      settings.setFlag(SHOWN, true);
      tell.run();
    }
  }
}
