package org.agentmon.usrtask.ui;

import static org.agentmon.usrtask.present.Statuses.connected;
import static org.agentmon.usrtask.present.Statuses.readOnly;
import static org.agentmon.usrtask.present.Statuses.status;
import static org.agentmon.usrtask.present.Statuses.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.live.LinkState;
import org.agentmon.usrtask.login.LoginItem;
import org.agentmon.usrtask.login.XdgAutostartLoginItem;
import org.agentmon.usrtask.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;

/** The views against scripted statuses (the one fake): every Broken/Confusing item of the issue. */
class ScriptedViewsTest extends WindowTestBase {
  private static final Duration LONG = Duration.ofSeconds(10);
  /** What must not move while AgentMon restarts, stops or starts. */
  private static final String[] STILL = {"restart", "stopStart", "activity", "details", "startAtLogin", "quit"};
  private ScriptedHelper helper;
  private final RecordingAppControl app = new RecordingAppControl();
  private final AtomicInteger hides = new AtomicInteger();
  private WindowProbe w;

  private void open(FxRobot robot, boolean installed, String contact) throws IOException {
    open(robot, installed, contact, new XdgAutostartLoginItem(dir.resolve("a"), dir.resolve("b"), List.of("/bin/true")));
  }

  private void open(FxRobot robot, boolean installed, String contact, LoginItem login) throws IOException {
    Path socket = dir.resolve("agentmon.sock");
    if (installed) {
      Files.writeString(socket, "");
    }
    helper = new ScriptedHelper(socket);
    w = new WindowProbe(robot);
    robot.interact(() -> {
      models = new Models(helper, login,
          app, null, new UserSettings(dir.resolve("settings.properties")), contact);
      app.models = models;
      new StatusWindow(stage, models, hides::incrementAndGet).show(null);
      models.start();
    });
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(() -> models.close());
  }

  private void push(LinkSnapshot s) {
    helper.push(s);
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aReadOnlyUserSeesDisabledActionsAndWhomToAsk(FxRobot robot) throws Exception {
    open(robot, true, "the help desk (ext. 4242)");
    push(connected(readOnly(status("running"))));
    assertTrue(w.button("restart").isDisabled());
    assertTrue(w.button("stopStart").isDisabled());
    assertTrue(w.visible("adminOnly"));
    assertEquals("Only an administrator can restart or stop AgentMon — ask the help desk (ext. 4242)",
        w.text("adminOnly"));
  }

  @Test
  void aLoginItemTheOrganizationManagesIsShownDisabledWithTheReason(FxRobot robot) throws Exception {
    LoginItem managed = new LoginItem() {
      @Override public boolean isEnabled() { return true; }
      @Override public void setEnabled(boolean enabled) throws IOException { throw new IOException("managed"); }
      @Override public String managedReason() { return "managed by your organization (Login Items rule LabelPrefix org.agentmon.)"; }
    };
    open(robot, true, null, managed);
    push(connected(status("running")));
    Eventually.await(LONG, "Start at Login disabled", () -> WindowProbe.fx(() -> w.checkbox("startAtLogin").isDisabled()),
        w::snapshot);
    assertTrue(WindowProbe.fx(() -> w.checkbox("startAtLogin").isSelected()));
    assertEquals("Start at Login is managed by your organization (Login Items rule LabelPrefix org.agentmon.).",
        w.text("loginMessage"));
  }

  @Test
  void aRefusedConfigIsNeverGreenAndSaysSoInTheHeader(FxRobot robot) throws Exception {
    open(robot, true, null);
    push(connected(upstream(status("running"), "config-error", null, "/etc/x.plist is writable by group or others")));
    assertEquals("Settings file is unsafe (writable by others) — AgentMon can't connect", w.text("sentence"));
    Node header = w.query("sentence").getParent().getParent();
    assertTrue(header.getPseudoClassStates().contains(PseudoClass.getPseudoClass("degraded")), "needs attention");
  }

  @Test
  void notInstalledSaysSoInsteadOfRowsOfDashes(FxRobot robot) throws Exception {
    open(robot, false, null);
    push(new LinkSnapshot(LinkState.NOT_RUNNING, null, null, null, null));
    assertEquals("AgentMon isn't installed on this computer", w.text("sentence"));
    assertTrue(w.text("secondary").contains("agentmon doctor"), w.text("secondary"));
    Node header = w.query("sentence").getParent().getParent();
    assertTrue(header.getPseudoClassStates().contains(PseudoClass.getPseudoClass("not_installed")),
        "its own state, not the crash icon: " + header.getPseudoClassStates());
    assertFalse(WindowProbe.fx(() -> ((TitledPane) w.query("details")).isExpanded()), "Details stay closed");
  }

  @Test
  void aFailedRestartSaysWhyAndTryAgainRunsItAgain(FxRobot robot) throws Exception {
    open(robot, true, null);
    push(connected(status("running")));
    helper.failNext = new IOException("the helper is shutting down");
    robot.clickOn("#restart");
    Eventually.await(LONG, "the failure said", () -> w.text("progress").startsWith("Couldn't restart AgentMon: "),
        w::snapshot);
    assertTrue(w.visible("tryAgain"));
    robot.clickOn("#tryAgain");
    assertEquals(2, helper.calls.stream().filter("restart"::equals).count());
    assertTrue(w.text("progress").startsWith("Asking AgentMon to restart…"), w.text("progress"));
  }

  /** A two-line sentence with a secondary line, and a three-line one (a long server name). */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"agentmon.example.com", "agentmon-eu-west-production-cluster-7.corp.example.com"})
  void restartProgressDoesNotMoveAnythingAndTheResultFades(String server, FxRobot robot) throws Exception {
    open(robot, true, null);
    Map<String, Object> before = connectedTo(status("running"), server);
    push(connected(before));
    String places = w.places(STILL);
    robot.clickOn("#restart");
    assertTrue(w.visible("spinner"));
    assertEquals("Restarting…", w.text("sentence"));
    assertTrue(w.text("progress").startsWith("Asking AgentMon to restart…"), w.text("progress"));
    assertEquals("", w.text("secondary"), "the step is said once, beside the buttons");
    assertEquals(places, w.places(STILL), "asking to restart");
    push(new LinkSnapshot(LinkState.RESTARTING, org.agentmon.protocol.Status.fromJson(before), null, null, null));
    assertTrue(w.text("progress").startsWith("Waiting for the new instance…"), w.text("progress"));
    Eventually.await(LONG, "the seconds counted", () -> w.text("progress").matches("Waiting for the new instance… \\d+ s"),
        w::snapshot);
    assertEquals("", w.text("secondary"));
    assertEquals(places, w.places(STILL), "waiting for the new instance");
    Map<String, Object> after = connectedTo(status("running"), server);
    after.put("instanceId", "a-new-instance");
    push(connected(after));
    assertTrue(w.text("progress").matches("Restarted in \\d+\\.\\d s"), w.text("progress"));
    assertEquals(places, w.places(STILL), "restarted");
    Eventually.await(LONG, "the result faded", () -> w.text("progress").isEmpty(), w::snapshot);
    assertEquals(places, w.places(STILL), "the result faded");
  }

  @Test
  void stopAndStartDoNotMoveAnything(FxRobot robot) throws Exception {
    open(robot, true, null);
    push(connected(status("running"))); // one line of sentence, no secondary line
    String places = w.places(STILL);
    robot.interact(() -> models.restart().stop()); // (the view asks first; StopConfirmation is shown elsewhere)
    assertEquals("Stopping…", w.text("sentence"));
    assertEquals(places, w.places(STILL), "stopping");
    push(connected(status("disabled")));
    assertTrue(w.text("progress").matches("Stopped in \\d+\\.\\d s"), w.text("progress"));
    assertEquals(places, w.places(STILL), "stopped");
    robot.clickOn("#stopStart");
    assertEquals("Starting…", w.text("sentence"));
    assertEquals(places, w.places(STILL), "starting");
    push(connected(status("running")));
    assertEquals(places, w.places(STILL), "started");
  }

  private static Map<String, Object> connectedTo(Map<String, Object> st, String server) {
    Map<String, Object> m = upstream(st, "connected", null, null);
    Map<String, Object> u = (Map<String, Object>) m.get("upstream");
    u.put("serverURL", "https://" + server + "/api");
    u.put("lastSuccess", "2026-12-01T09:30:00Z");
    return m;
  }

  @Test
  void aRestartThatEndsInAStopSaysSoNotRestarted(FxRobot robot) throws Exception {
    // Regression: any new instance id counted as "Restarted", even one that came up stopped.
    open(robot, true, null);
    Map<String, Object> before = status("running");
    push(connected(before));
    robot.clickOn("#restart");
    push(new LinkSnapshot(LinkState.RESTARTING, org.agentmon.protocol.Status.fromJson(before), null, null, null));
    Map<String, Object> after = status("disabled");
    after.put("instanceId", "a-new-instance");
    push(connected(after));
    assertEquals("Not restarted: AgentMon was stopped instead", w.text("progress"));
    assertFalse(w.visible("spinner"), "the restart is over");
  }

  @Test
  void startSaysStartedNotRestarted(FxRobot robot) throws Exception {
    open(robot, true, null);
    push(connected(status("disabled")));
    assertEquals("Start AgentMon", w.text("stopStart"));
    robot.clickOn("#stopStart");
    assertEquals(List.of("start"), helper.calls.stream().filter(c -> !c.equals("close")).toList());
    push(connected(status("running")));
    assertTrue(w.text("progress").matches("Started in \\d+\\.\\d s"), w.text("progress"));
  }

  @Test
  void everyControlIsReachableByTab(FxRobot robot) throws Exception {
    open(robot, true, null);
    push(connected(status("running")));
    robot.interact(() -> w.button("restart").requestFocus());
    java.util.Set<String> reached = new java.util.LinkedHashSet<>();
    for (int i = 0; i < 12; i++) {
      reached.add(w.focusedId() == null ? "(no id)" : w.focusedId());
      robot.type(KeyCode.TAB);
    }
    for (String id : List.of("restart", "stopStart", "details", "startAtLogin", "relaunch", "quit")) {
      assertTrue(reached.contains(id), id + " not reached by Tab: " + reached);
    }
  }

  @Test
  void escapeAndShortcutWHideTheWindow(FxRobot robot) throws Exception {
    open(robot, true, null);
    robot.type(KeyCode.ESCAPE);
    assertEquals(1, hides.get());
    robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
    assertEquals(2, hides.get());
  }

  @Test
  void dontAskAgainIsRememberedForThisUser(FxRobot robot) throws Exception {
    open(robot, true, null);
    robot.clickOn("#quit");
    robot.clickOn("#dontAskAgain");
    robot.clickOn("#confirm");
    assertEquals(List.of("quit"), app.calls);
    assertFalse(new QuitViewModel(app, new UserSettings(dir.resolve("settings.properties"))).asks(),
        "the choice was written to this user's settings");
  }

  @Test
  void copyDiagnosticsPutsTheStatusAndTheEventsOnTheClipboard(FxRobot robot) throws Exception {
    open(robot, true, null);
    helper.events.add(Map.of("type", "helper.enabled", "uid", 0, "time", "2026-12-01T10:00:00Z"));
    push(connected(status("running")));
    robot.interact(() -> ((TitledPane) w.query("details")).setExpanded(true));
    robot.clickOn("#copyDiagnostics");
    Eventually.await(LONG, "copied", () -> w.text("copied").startsWith("Copied"), w::snapshot);
    String clip = WindowProbe.fx(() -> Clipboard.getSystemClipboard().getString());
    assertTrue(clip.contains("\"instanceId\":\"3f2a9c1e-0000-4000-8000-00000000abcd\""), clip);
    assertTrue(clip.contains("\"type\":\"helper.enabled\""), clip);
  }

  @Test
  void recentActivityIsInWordsWithTheExactTimeOnHover(FxRobot robot) throws Exception {
    open(robot, true, null);
    helper.events.add(Map.of("type", "helper.restart-requested", "uid", 0, "time", "2026-12-01T10:00:00Z"));
    push(connected(status("running")));
    Eventually.await(LONG, "activity", () -> w.activity().startsWith("Restarted by root · "), w::activity);
    String exact = WindowProbe.fx(() -> robot.lookup("#activity .label").queryAllAs(Label.class).stream()
        .map(Label::getAccessibleHelp).filter(h -> h != null).findFirst().orElse(""));
    Label before = WindowProbe.fx(() -> robot.lookup("#activity .label").queryAllAs(Label.class).stream()
        .filter(l -> l.getAccessibleHelp() != null).findFirst().orElseThrow());
    Map<String, Object> later = status("running");
    later.put("clients", 3);
    push(connected(later)); // a new presentation, as the ticker makes every second
    assertTrue(WindowProbe.fx(() -> before.getScene() != null), "the row with its tooltip stayed (a hover survives)");
    assertTrue(exact.matches("\\w+day \\d+ December 2026, \\d\\d:\\d\\d:\\d\\d"), "exact time on hover: " + exact);
  }
}
