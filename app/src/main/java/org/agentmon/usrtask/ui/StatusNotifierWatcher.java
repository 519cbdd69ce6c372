package org.agentmon.usrtask.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.agentmon.platform.Platform;

/**
 * Whether a StatusNotifierWatcher (the service a GNOME AppIndicator extension or KDE Plasma runs)
 * owns its name on the session bus: only then is a StatusNotifierItem shown. Asks the bus with
 * {@code dbus-send}; no bus, no tool or no answer within two seconds means no.
 */
final class StatusNotifierWatcher {
  static final String NAME = "org.kde.StatusNotifierWatcher";

  private StatusNotifierWatcher() {
  }

  static boolean onSessionBus() {
    String bus = System.getenv("DBUS_SESSION_BUS_ADDRESS");
    if (Platform.onMac() || bus == null || bus.isBlank()) {
      return false;
    }
    try {
      Process p = new ProcessBuilder("dbus-send", "--session", "--print-reply", "--reply-timeout=2000",
          "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
          "string:" + NAME).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(3, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.exitValue() == 0 && answer.contains("boolean true");
    } catch (IOException e) {
      return false; // no dbus-send: no way to know, so the AWT tray
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
