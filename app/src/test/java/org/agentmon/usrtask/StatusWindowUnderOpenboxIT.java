package org.agentmon.usrtask;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentmon.usrtask.testing.AppProcess;
import org.agentmon.usrtask.testing.DesktopSession;
import org.agentmon.usrtask.testing.Eventually;
import org.agentmon.usrtask.testing.HelperProcess;
import org.agentmon.usrtask.testing.XServer;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Under a real window manager (openbox on Xvfb) the status window opened at 200x200 with every
 * label "…", mid-screen. Now it must open at least at its minimum size, at the top right, at 1x and
 * 2x, with and without a tray, and as tall as its content inside the frame (at 2x: as the screen allows).
 */
class StatusWindowUnderOpenboxIT {
  @RegisterExtension static final XServer X = new XServer(true).panelReserved();
  private static final Duration LONG = Duration.ofSeconds(40);
  private static final int MIN_WIDTH = 460;
  private static final int MIN_HEIGHT = 360;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tray, 1x", "no tray, 1x", "tray, 2x", "after a relaunch, 1x"})
  void opensAtLeastAtItsMinimumSize(String how) throws Exception {
    Path jar = DesktopSession.jar();
    Files.createDirectories(dir.resolve("helper"));
    Map<String, String> env = DesktopSession.env(dir, X);
    int scale = how.endsWith("2x") ? 2 : 1;
    boolean relaunched = how.startsWith("after a relaunch");
    if (relaunched) { // what Relaunch leaves for the new instance: where the old window was
      Path props = Files.createDirectories(dir.resolve("home/.config/agentmon")).resolve("usrtask.properties");
      Files.writeString(props, "relaunch.windowX=200.0\nrelaunch.windowY=150.0\n");
    }
    if (scale == 2) {
      env.put("JAVA_TOOL_OPTIONS", "-Dglass.gtk.uiScale=2");
    }
    try (HelperProcess helper = new HelperProcess(dir.resolve("helper"), List.of())) {
      helper.start();
      List<String> args = new java.util.ArrayList<>(List.of("--socket", helper.socket().toString(), "--show"));
      if (how.startsWith("no tray")) {
        args.add("--no-tray");
      }
      try (AppProcess app = AppProcess.start(jar, dir.resolve("app.out"), env, args.toArray(String[]::new))) {
        Eventually.await(LONG, "the window is viewable", () -> X.run("xwininfo", "-name", "AgentMon")
            .contains("IsViewable"), app::output);
        // The window manager may apply its own size after mapping: wait until it settles. At least the
        // minimum, or at 2x as tall as the usable area leaves room for inside the frame (1 px less).
        int[] size = new int[2];
        WindowFit fit = new WindowFit(X, dir.resolve("window.png"), scale);
        int[] area = WindowFit.usableArea(X);
        String wanted = "at least " + MIN_WIDTH * scale + "x" + MIN_HEIGHT * scale + " or the usable height";
        Eventually.await(LONG, wanted, () -> {
          int[] now = size(X.run("xwininfo", "-name", "AgentMon"));
          int[] outer = fit.outerBounds();
          size[0] = now[0];
          size[1] = now[1];
          int room = area[3] - area[1] - (outer[3] - outer[1] - now[1]);
          return now[0] >= MIN_WIDTH * scale && now[1] >= Math.min(MIN_HEIGHT * scale, room);
        }, () -> X.run("xwininfo", "-name", "AgentMon") + app.output());
        System.out.println(how + ": window " + size[0] + "x" + size[1]);
        // Inside the usable area, frame and all (the panel's room at the bottom reserved).
        Eventually.await(LONG, "inside the usable area " + java.util.Arrays.toString(area), () -> {
          int[] outer = fit.outerBounds();
          return outer[0] >= area[0] && outer[1] >= area[1] && outer[2] <= area[2] && outer[3] <= area[3];
        }, () -> java.util.Arrays.toString(fit.outerBounds()));
        // Not mid-screen: at the top right, where menu bars and most panels keep their icons; after a
        // relaunch where the old window was (the frame's title bar may sit above the asked y).
        Eventually.await(LONG, relaunched ? "where it was" : "at the top right", () -> {
          String info = X.run("xwininfo", "-name", "AgentMon");
          int x = value(info, "Absolute upper-left X");
          int y = value(info, "Absolute upper-left Y");
          return relaunched ? Math.abs(x - 200) <= 10 && Math.abs(y - 150) <= 40
              : x + size(info)[0] >= 1024 - 40 && y < 100;
        }, () -> X.run("xwininfo", "-name", "AgentMon"));
        // As tall as its content inside openbox's frame: no empty slab, the footer not cut off (openbox
        // took its 25 px title bar from the content). At 2x the content is taller than the screen: the
        // middle scrolls, and the footer is whole all the same.
        Eventually.await(LONG, "as tall as its content", fit::fits, fit::seen);
        System.out.println(how + ": " + fit.seen());
      }
    }
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
