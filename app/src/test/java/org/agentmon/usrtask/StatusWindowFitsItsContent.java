package org.agentmon.usrtask;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.agentmon.usrtask.single.InstanceLock;
import org.agentmon.usrtask.testing.AppProcess;
import org.agentmon.usrtask.testing.DesktopSession;
import org.agentmon.usrtask.testing.Eventually;
import org.agentmon.usrtask.testing.Gtk3;
import org.agentmon.usrtask.testing.HelperProcess;
import org.agentmon.usrtask.testing.XServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status window shown for the first time from the tray is as tall as its content: it opened 635 px
 * tall for 419 px of content, the slack an empty slab in "Recent activity". Also after opening and
 * closing "Details". The subclasses say on which display.
 */
abstract class StatusWindowFitsItsContent {
  /** A screen tall enough for the window with "Details" open (750 px) to fit whole. */
  static final String SCREEN = "1024x1000";
  private static final Duration LONG = Duration.ofSeconds(30);

  @TempDir Path dir;

  /** @return the display the app runs on */
  abstract XServer x();

  @Test
  void opensAtItsContentsHeightAndKeepsItWhenDetailsOpenAndClose() throws Exception {
    Gtk3.assumeInstalled();
    Files.createDirectories(dir.resolve("helper"));
    try (HelperProcess helper = new HelperProcess(dir.resolve("helper"), java.util.List.of())) {
      helper.start();
      try (AppProcess app = openedFromTheTray(dir, x(), helper)) {
        new WindowFit(x(), dir.resolve("window.png"), 1).whileDetailsOpenAndClose(LONG);
      }
    }
  }

  /**
   * Starts the app on the display with the AWT tray and shows its window the way the tray does, once
   * the helper's status and activity are in, as when someone opens it later.
   *
   * @param dir the test's folder (home, runtime folder, the app's output)
   * @param x the display
   * @param helper the running helper
   * @return the app, its window viewable
   * @throws Exception if it does not get there
   */
  static AppProcess openedFromTheTray(Path dir, XServer x, HelperProcess helper) throws Exception {
    Map<String, String> env = DesktopSession.env(dir, x);
    env.put("DBUS_SESSION_BUS_ADDRESS", ""); // the AWT tray: the window is made at its first show from it
    AppProcess app = AppProcess.start(DesktopSession.jar(), dir.resolve("app.out"), env, "--socket",
        helper.socket().toString());
    try {
      Eventually.await(LONG, "the tray menu says AgentMon is running",
          () -> app.output().contains("tray menu now: [AgentMon is running"), app::output);
      // The recent activity is read right after the status, and nothing outside the app shows when it is
      // in: give it time, so the window is made with its rows, as when someone opens it later on.
      Thread.sleep(3000);
      assertTrue(InstanceLock.send(DesktopSession.runtime(dir).resolve("agentmon-usrtask/usrtask.sock"),
          InstanceLock.SHOW), "the app holds the lock");
      Eventually.await(LONG, "the window is viewable",
          () -> x.run("xwininfo", "-name", "AgentMon").contains("IsViewable"), app::output);
      return app;
    } catch (Exception | AssertionError e) {
      app.close();
      throw e;
    }
  }
}
