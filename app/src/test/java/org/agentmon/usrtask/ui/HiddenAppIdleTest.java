package org.agentmon.usrtask.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.agentmon.icons.TrayState;
import org.agentmon.usrtask.live.Helper;
import org.agentmon.usrtask.live.HelperLink;
import org.agentmon.usrtask.login.XdgAutostartLoginItem;
import org.agentmon.usrtask.present.Statuses;
import org.agentmon.usrtask.testing.Eventually;
import org.agentmon.usrtask.testing.HelperProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Issue 15: with its window hidden and the helper connected and idle, the app does no periodic
 * work: no scheduled tick, no running animation (which would keep the FX pulse at 60 a second),
 * no thread of ours in a timed wait (polling). Showing the window starts the uptime ticking.
 */
class HiddenAppIdleTest extends WindowTestBase {
  private static final Duration LONG = Duration.ofSeconds(20);

  private HelperProcess helper;
  private StatusWindow window;

  @AfterEach
  void stopAll(FxRobot robot) throws Exception {
    if (models != null) {
      robot.interact(() -> models.close());
    }
    if (helper != null) {
      helper.close();
    }
  }

  @Test
  void aHiddenConnectedAppWaitsOnNothing(FxRobot robot) throws Exception {
    openHidden(robot, realHelper());
    Eventually.await(LONG, "no tick scheduled and no animation running", () -> WindowProbe.fx(this::idle),
        () -> WindowProbe.fx(this::describe));
    assertEquals(List.of(), ourTimedWaits(), "threads of ours that wake up by themselves");
    assertEquals("0 scheduled, 0 animations", WindowProbe.fx(this::describe));
  }

  @Test
  void showingTheWindowStartsTheUptimeTickingAndHidingStopsIt(FxRobot robot) throws Exception {
    openHidden(robot, realHelper());
    Eventually.await(LONG, "idle while hidden", () -> WindowProbe.fx(this::idle), () -> WindowProbe.fx(this::describe));
    robot.interact(() -> window.show(null));
    assertEquals(1, (int) WindowProbe.fx(() -> models.ticker().pending()), "the window's tick");
    String first = WindowProbe.fx(this::uptime);
    Eventually.await(LONG, "the uptime moves on from " + first, () -> !WindowProbe.fx(this::uptime).equals(first),
        () -> WindowProbe.fx(this::uptime));
    robot.interact(() -> window.hide());
    Eventually.await(LONG, "idle again once hidden", () -> WindowProbe.fx(this::idle), () -> WindowProbe.fx(this::describe));
  }

  @Test
  void hiddenItWakesOnceWhenTimeAloneChangesTheTrayIcon(FxRobot robot) throws Exception {
    ScriptedHelper scripted = new ScriptedHelper(Files.createFile(dir.resolve("socket")));
    openHidden(robot, scripted);
    // The server has been unreachable for 4 min 58 s: in 2 s the icon must say it needs attention.
    Instant down = Instant.now().minus(Duration.ofMinutes(5)).plusSeconds(2);
    scripted.push(Statuses.connected(Statuses.upstream(Statuses.status("running"), "backing-off", down.toString(),
        "connection refused")));
    robot.interact(() -> { });
    assertEquals(TrayState.RUNNING, WindowProbe.fx(() -> models.status().presentationProperty().get().icon()));
    assertEquals(1, (int) WindowProbe.fx(() -> models.ticker().pending()), "one wake-up, not a tick");
    Eventually.await(LONG, "the icon turns to needs attention",
        () -> WindowProbe.fx(() -> models.status().presentationProperty().get().icon()) == TrayState.DEGRADED,
        () -> WindowProbe.fx(this::describe));
    assertEquals(0, (int) WindowProbe.fx(() -> models.ticker().pending()), "nothing after the wake-up");
  }

  private HelperLink realHelper() throws Exception {
    Files.createDirectories(dir.resolve("helper"));
    helper = new HelperProcess(dir.resolve("helper"), List.of());
    helper.start();
    return new HelperLink(helper.socket());
  }

  /** The app as it runs from the tray: models started, window made but not shown, connected. */
  private void openHidden(FxRobot robot, Helper link) {
    robot.interact(() -> {
      models = new Models(link, new XdgAutostartLoginItem(dir.resolve("home/autostart"), dir.resolve("etc/autostart"),
          List.of("/bin/true")), new RecordingAppControl(), null, new UserSettings(dir.resolve("settings.properties")),
          null);
      window = new StatusWindow(stage, models, stage::hide);
      models.start();
    });
    if (link instanceof HelperLink) {
      Eventually.await(LONG, "connected", () -> WindowProbe.fx(() -> models.status().snapshotProperty().get().connected()),
          () -> WindowProbe.fx(this::describe));
    }
  }

  private boolean idle() {
    return models.ticker().pending() == 0 && FxPulseProbe.running() == 0;
  }

  private String describe() {
    return models.ticker().pending() + " scheduled, " + FxPulseProbe.running() + " animations";
  }

  private String uptime() {
    return models.status().details().stream().filter(d -> d.id().equals("uptime")).findFirst().orElseThrow().value();
  }

  /** Our threads (usrtask-*, agentmon-*) in a timed wait: a sleep or poll loop. */
  private static List<String> ourTimedWaits() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("usrtask-") || t.getName().startsWith("agentmon-"))
        .filter(t -> t.getState() == Thread.State.TIMED_WAITING)
        .map(t -> t.getName() + " " + List.of(t.getStackTrace()).subList(0, Math.min(4, t.getStackTrace().length)))
        .collect(Collectors.toList());
  }
}
