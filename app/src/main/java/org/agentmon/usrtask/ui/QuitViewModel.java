package org.agentmon.usrtask.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The quit view's model: whether to ask before quitting (per user, "Don't ask again"), Quit, and
 * Relaunch with its progress. Quitting closes the menu-bar app only; the helper keeps running.
 */
final class QuitViewModel {
  static final String QUESTION = "Quit AgentMon?";
  static final String MEANING = "Protection keeps running in the background; only this menu-bar icon closes.";
  static final String DONT_ASK = "quit.dontAskAgain";

  private final AppControl app;
  private final UserSettings settings;
  private final ReadOnlyBooleanWrapper relaunching = new ReadOnlyBooleanWrapper();

  QuitViewModel(AppControl app, UserSettings settings) {
    this.app = app;
    this.settings = settings;
  }

  /** @return whether Quit asks first */
  boolean asks() {
    return !settings.flag(DONT_ASK);
  }

  /**
   * Quits this app (the helper keeps running).
   *
   * @param dontAskAgain remember not to ask next time
   */
  void quit(boolean dontAskAgain) {
    if (dontAskAgain) {
      settings.setFlag(DONT_ASK, true);
    }
    app.quit();
  }

  /** Starts a fresh copy of this app that replaces this one. */
  void relaunch() {
    relaunching.set(true);
    app.relaunch();
  }

  ReadOnlyBooleanProperty relaunchingProperty() { return relaunching.getReadOnlyProperty(); }
}
