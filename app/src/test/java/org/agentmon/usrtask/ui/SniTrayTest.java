package org.agentmon.usrtask.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dorkbox.os.OS;
import dorkbox.systemTray.SystemTray;
import dorkbox.updates.Updates;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dorkbox SystemTray as AgentMon sets it up before its first use: its update check (a POST to
 * updates.dorkbox.com every 4 hours) off, the tray type fixed (its guessing may install GNOME
 * Shell extensions), and the icon files it writes kept in the given private directory, while the
 * rest of the app keeps the {@code java.io.tmpdir} it was launched with.
 */
class SniTrayTest {
  @Test
  void dorkboxIsQuietAndPrivateBeforeItsFirstUse(@TempDir Path icons) {
    String tmp = System.getProperty("java.io.tmpdir");
    try {
      SniTray.quietAndPrivate(icons);
      assertFalse(Updates.INSTANCE.getENABLE(), "dorkbox's update check is off");
      assertEquals("false", System.getProperty("dorkbox.updates.Updates.ENABLE"), "and off for any later copy");
      assertEquals(SystemTray.TrayType.AppIndicator, SystemTray.FORCE_TRAY_TYPE, "no guessing of the desktop");
      assertFalse(SystemTray.AUTO_FIX_INCONSISTENCIES, "no silent switch to another tray type");
      assertEquals(icons.toFile().getAbsoluteFile(), OS.INSTANCE.getTEMP_DIR(), "icon files go where we say");
      assertEquals(tmp, System.getProperty("java.io.tmpdir"), "the rest of the app keeps its temporary directory");
    } finally {
      System.setProperty("java.io.tmpdir", tmp);
    }
  }
}
