package org.agentmon.usrtask;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentmon.usrtask.single.InstanceLock;
import org.agentmon.usrtask.testing.AppProcess;
import org.agentmon.usrtask.testing.DesktopSession;
import org.agentmon.usrtask.testing.Eventually;
import org.agentmon.usrtask.testing.Gtk3;
import org.agentmon.usrtask.testing.HelperProcess;
import org.agentmon.usrtask.testing.XServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status window shown for the first time from the tray, on Xvfb without a window manager (no one
 * else sizes it), is as tall as its content: it opened 635 px tall for 423 px of content, the slack
 * an empty slab in "Recent activity". Also after opening and closing "Details".
 */
class StatusWindowFitsItsContentIT {
  /** Tall enough for the window with "Details" open (754 px) to fit whole. */
  @RegisterExtension static final XServer X = new XServer(false, "1024x1000");
  private static final Duration LONG = Duration.ofSeconds(30);
  /** From the window's bottom edge to the middle of the closed "Details" row: footer, separator, spacing. */
  private static final int DETAILS_ABOVE_BOTTOM = 125;

  @TempDir Path dir;

  @Test
  void opensAtItsContentsHeightAndKeepsItWhenDetailsOpenAndClose() throws Exception {
    Gtk3.assumeInstalled();
    Path jar = DesktopSession.jar();
    Files.createDirectories(dir.resolve("helper"));
    Map<String, String> env = DesktopSession.env(dir, X);
    env.put("DBUS_SESSION_BUS_ADDRESS", ""); // the AWT tray: the window is made at its first show from it
    try (HelperProcess helper = new HelperProcess(dir.resolve("helper"), java.util.List.of())) {
      helper.start();
      try (AppProcess app = AppProcess.start(jar, dir.resolve("app.out"), env, "--socket", helper.socket().toString())) {
        // The helper's status and activity are in before the window exists, as when someone opens it later.
        Eventually.await(LONG, "the tray menu says AgentMon is running",
            () -> app.output().contains("tray menu now: [AgentMon is running"), app::output);
        // The recent activity is read right after the status, and nothing outside the app shows when it is
        // in: give it time, so the window is made with its rows, as when someone opens it later on.
        Thread.sleep(3000);
        assertTrue(InstanceLock.send(DesktopSession.runtime(dir).resolve("agentmon-usrtask/usrtask.sock"),
            InstanceLock.SHOW), "the app holds the lock");
        Eventually.await(LONG, "the window is viewable", () -> info().contains("IsViewable"), app::output);
        WindowFit fit = new WindowFit(X, dir.resolve("window.png"), 1);
        Eventually.await(LONG, "the window as tall as its content", fit::fits, () -> fit.seen() + "; " + app.output());
        int closed = size(info())[1];
        System.out.println("closed: " + fit.seen());

        int detailsY = closed - DETAILS_ABOVE_BOTTOM;
        clickAt(detailsY);
        Eventually.await(LONG, "Details open and the window grown to fit them",
            () -> size(info())[1] > closed + 60 && fit.fits(), fit::seen);
        System.out.println("open: " + fit.seen());

        clickAt(detailsY); // the row stays where it was: the window grows and shrinks at the bottom
        Eventually.await(LONG, "Details closed and the window back to its closed height",
            () -> Math.abs(size(info())[1] - closed) <= 2 && fit.fits(), fit::seen);
      }
    }
  }

  private void clickAt(int y) {
    String info = info();
    int left = value(info, "Absolute upper-left X");
    int top = value(info, "Absolute upper-left Y");
    X.run("xdotool", "mousemove", Integer.toString(left + 60), Integer.toString(top + y), "click", "1");
  }

  private static String info() {
    return X.run("xwininfo", "-name", "AgentMon");
  }

  private static int value(String xwininfo, String key) {
    Matcher m = Pattern.compile(key + ":\\s+(-?\\d+)").matcher(xwininfo);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static int[] size(String xwininfo) {
    Matcher w = Pattern.compile("Width: (\\d+)").matcher(xwininfo);
    Matcher h = Pattern.compile("Height: (\\d+)").matcher(xwininfo);
    return w.find() && h.find() ? new int[] {Integer.parseInt(w.group(1)), Integer.parseInt(h.group(1))} : new int[2];
  }
}
