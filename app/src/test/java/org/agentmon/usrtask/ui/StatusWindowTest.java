package org.agentmon.usrtask.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.agentmon.usrtask.live.HelperLink;
import org.agentmon.usrtask.login.LoginItem;
import org.agentmon.usrtask.login.XdgAutostartLoginItem;
import org.agentmon.usrtask.testing.Eventually;
import org.agentmon.usrtask.testing.HelperProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The status window against a real helper process: live fields, actions, crash and recovery. */
class StatusWindowTest extends WindowTestBase {
  private static final Duration LONG = Duration.ofSeconds(20);

  private HelperProcess helper;
  private Process first;
  private final RecordingAppControl app = new RecordingAppControl();
  private WindowProbe w;

  @BeforeEach
  void showWindow(FxRobot robot) throws Exception {
    Files.createDirectories(dir.resolve("helper"));
    helper = new HelperProcess(dir.resolve("helper"), List.of());
    first = helper.start();
    open(robot, new XdgAutostartLoginItem(dir.resolve("home/autostart"), dir.resolve("etc/autostart"),
        List.of("/usr/bin/java", "-jar", "/opt/agentmon/usrtask.jar")));
  }

  private void open(FxRobot robot, LoginItem login) {
    w = new WindowProbe(robot);
    robot.interact(() -> {
      if (models != null) {
        models.close();
      }
      models = new Models(new HelperLink(helper.socket()), login, app, () -> helper.start(),
          new UserSettings(dir.resolve("settings.properties")), null);
      app.models = models;
      new StatusWindow(stage, models, stage::hide).show(null);
      models.start();
    });
  }

  @AfterEach
  void stopAll(FxRobot robot) throws Exception {
    robot.interact(() -> models.close());
    helper.close();
  }

  @Test
  void showsTheSituationInOneSentenceAndEveryDetail() throws Exception {
    awaitText("pid", Long.toString(first.pid()));
    Status real = helper.status();
    // The test helper has no configuration: no server.
    assertEquals("AgentMon is running · No server configured", w.text("sentence"));
    assertEquals(real.instanceId(), w.text("instanceId"));
    assertEquals("running", w.text("state"));
    assertTrue(w.text("version").startsWith(real.version()), w.text("version"));
    assertTrue(w.text("socketSource").startsWith("bound"), w.text("socketSource"));
    assertTrue(w.text("uptime").matches("\\d\\d:\\d\\d:\\d\\d"), w.text("uptime"));
    assertFalse(w.visible("adminOnly"), "root is an administrator: " + w.text("adminOnly"));
    assertTrue(w.query("mismatch") == null, "same build: no version row");
  }

  @Test
  void showsTheServerLinkAndRecentActivityInWords() throws Exception {
    awaitText("pid", Long.toString(first.pid()));
    Eventually.await(LONG, "server shown", () -> w.text("upstream").equals("Not configured"), w::snapshot);
    assertTrue(w.text("spool").matches("1 event|\\d+ events"), w.text("spool"));
    Eventually.await(LONG, "recent activity", () -> w.activity().contains("AgentMon started"), w::activity);
    assertFalse(w.activity().contains("helper.started"), "event types are not shown: " + w.activity());
  }

  @Test
  void restartShowsProgressInPlaceThenTheMeasuredTime() throws Exception {
    awaitText("pid", Long.toString(first.pid()));
    String oldInstance = w.text("instanceId");
    w.robot().clickOn("#restart");
    assertTrue(w.text("progress").matches("(Asking AgentMon to restart|Waiting for the new instance)…( \\d+ s)?"),
        w.text("progress"));
    assertEquals("Restarting…", w.text("sentence"));
    Eventually.await(LONG, "a new pid", () -> !w.text("pid").equals(Long.toString(first.pid()))
        && !w.text("pid").equals(Details.NONE), () -> w.snapshot() + "\n" + helper.logText());
    Status now = helper.status();
    awaitText("pid", Long.toString(now.pid()));
    assertNotEquals(oldInstance, w.text("instanceId"));
    assertEquals(now.instanceId(), w.text("instanceId"));
    Eventually.await(LONG, "the measured time", () -> w.text("progress").matches("Restarted in \\d+\\.\\d s"),
        w::snapshot);
    assertFalse(w.button("restart").isDisabled());
  }

  @Test
  void stopAsksThenShowsStoppedAndStartSaysStarted() throws Exception {
    awaitText("state", "running");
    assertEquals("Stop AgentMon", w.button("stopStart").getText());
    w.robot().clickOn("#stopStart");
    w.robot().clickOn("#confirm");
    Eventually.await(LONG, "Start AgentMon offered", () -> w.button("stopStart").getText().equals("Start AgentMon")
        && !w.button("stopStart").isDisabled(), w::snapshot);
    assertTrue(w.text("sentence").startsWith("Stopped by an administrator"), w.text("sentence"));
    w.robot().clickOn("#stopStart");
    awaitText("state", "running");
    Eventually.await(LONG, "Started, not restarted", () -> w.text("progress").matches("Started in \\d+\\.\\d s"),
        w::snapshot);
    assertEquals("Stop AgentMon", w.button("stopStart").getText());
    assertEquals(RunState.RUNNING, helper.status().state());
  }

  @Test
  void cancellingTheStopQuestionLeavesTheHelperRunning() throws Exception {
    awaitText("state", "running");
    w.robot().clickOn("#stopStart");
    w.robot().clickOn("#cancel");
    assertEquals(RunState.RUNNING, helper.status().state());
    assertEquals(first.pid(), helper.status().pid());
  }

  @Test
  void killNineSaysStoppedUnexpectedlyWithinOneSecondAndRecovers() throws Exception {
    awaitText("pid", Long.toString(first.pid()));
    first.destroyForcibly(); // SIGKILL
    Duration took = Eventually.await(Duration.ofSeconds(1), "'stopped unexpectedly' shown",
        () -> w.text("sentence").startsWith("AgentMon isn't running — it stopped unexpectedly at "), w::snapshot);
    assertTrue(w.button("restart").isDisabled());
    Process second = helper.start();
    Eventually.await(LONG, "the new helper's pid", () -> w.text("pid").equals(Long.toString(second.pid())),
        w::snapshot);
    assertEquals("AgentMon is running · No server configured", w.text("sentence"));
    System.out.println("not-running shown after " + took.toMillis() + " ms");
  }

  @Test
  void quitAsksThenLeavesTheHelperAnswering() throws Exception {
    awaitText("pid", Long.toString(first.pid()));
    w.robot().clickOn("#quit");
    assertEquals(List.of(), app.calls, "nothing quits before the answer");
    w.robot().clickOn("#confirm");
    assertEquals(List.of("quit"), app.calls);
    Status after = helper.status();
    assertEquals(first.pid(), after.pid());
    assertEquals(RunState.RUNNING, after.state());
  }

  @Test
  void enterThenSpaceDuringARestartNeitherMovesFocusNorTogglesStartAtLogin() throws Exception {
    Path entry = dir.resolve("home/autostart/org.agentmon.usrtask.desktop");
    awaitText("pid", Long.toString(first.pid()));
    Button restart = w.button("restart");
    w.robot().interact(restart::requestFocus);
    w.robot().type(javafx.scene.input.KeyCode.ENTER);
    w.robot().type(javafx.scene.input.KeyCode.SPACE);
    assertEquals("restart", w.focusedId(), "focus stayed on Restart");
    Eventually.await(LONG, "the restart finished", () -> w.text("progress").startsWith("Restarted in"), w::snapshot);
    assertEquals("restart", w.focusedId());
    assertFalse(Files.exists(entry), "Start at Login was not turned on");
    assertFalse(w.checkbox("startAtLogin").isSelected());
    long restarts = helper.events().stream().filter(e -> "helper.restart-requested".equals(e.get("type"))).count();
    assertEquals(1, restarts, "Space on the busy Restart did not restart again");
  }

  @Test
  void startAtLoginCheckboxWritesAndRemovesTheEntry() throws Exception {
    Path entry = dir.resolve("home/autostart/org.agentmon.usrtask.desktop");
    assertFalse(w.checkbox("startAtLogin").isSelected());
    w.robot().clickOn("#startAtLogin");
    Eventually.await(LONG, "entry written and box checked",
        () -> Files.exists(entry) && w.checkbox("startAtLogin").isSelected(), w::snapshot);
    w.robot().clickOn("#startAtLogin");
    Eventually.await(LONG, "entry removed and box clear",
        () -> !Files.exists(entry) && !w.checkbox("startAtLogin").isSelected(), w::snapshot);
  }

  @Test
  void aFailedStartAtLoginLeavesTheBoxClearAndSaysWhyInWords(FxRobot robot) throws Exception {
    Files.writeString(dir.resolve("blocker"), "a file where the autostart folder should be");
    open(robot, new XdgAutostartLoginItem(dir.resolve("blocker/autostart"), dir.resolve("etc/autostart"),
        List.of("/usr/bin/java", "-jar", "/opt/agentmon/usrtask.jar")));
    w.robot().clickOn("#startAtLogin");
    Eventually.await(LONG, "the failure said", () -> w.visible("loginMessage"), w::snapshot);
    assertFalse(w.checkbox("startAtLogin").isSelected(), "the box shows what is on disk");
    String said = w.text("loginMessage");
    assertTrue(said.startsWith("Couldn't turn on Start at Login: "), said);
    assertTrue(said.contains("blocker"), "names what could not be written: " + said);
  }

  private void awaitText(String id, String expected) {
    Eventually.await(LONG, "#" + id + " = " + expected, () -> expected.equals(w.text(id)),
        () -> w.snapshot() + "\n" + helper.logText());
  }
}
