package org.agentmon.usrtask.ui;

import java.awt.Point;
import java.util.function.Consumer;
import org.agentmon.usrtask.present.Presentation;

/**
 * The menu-bar icon and its menu, whichever way this desktop hosts it: a StatusNotifierItem on
 * Linux desktops that have a StatusNotifierWatcher on the session bus (GNOME with AppIndicator, KDE
 * Plasma), {@code java.awt.SystemTray} everywhere else (macOS, XEmbed panels).
 */
interface Tray {
  /**
   * Puts the icon up; the answer comes back on the FX thread.
   *
   * @param actions what the menu's items do
   * @param then gets the tray, or null when this desktop has none
   */
  static void install(TrayMenu.Actions actions, Consumer<Tray> then) {
    if (StatusNotifierWatcher.onSessionBus()) {
      SniTray.install(actions, then, () -> TrayController.install(actions, then));
    } else {
      TrayController.install(actions, then);
    }
  }

  /** Shows the models' state; call on the FX thread. */
  void show(Presentation p, boolean startAtLogin, boolean loginManaged);

  /** Says once that the app stays in the menu bar when its window closes. */
  void tellStillRunning();

  /** @return where the icon was last clicked, on screen, or null when the tray does not tell */
  Point lastClick();

  /** Takes the icon out of the tray. */
  void remove();
}
