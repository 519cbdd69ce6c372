package org.agentmon.usrtask.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.agentmon.protocol.Status;
import org.agentmon.usrtask.login.XdgAutostartLoginItem;
import org.agentmon.usrtask.testing.Eventually;
import org.agentmon.usrtask.testing.HelperProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status window against a real helper process: live fields, actions, crash and recovery. */
@ExtendWith(ApplicationExtension.class)
class StatusWindowTest {
  private static final Duration LONG = Duration.ofSeconds(20);

  @TempDir Path dir;
  private Stage stage;
  private HelperProcess helper;
  private Process first;
  private StatusModel model;
  private final RecordingAppControl app = new RecordingAppControl();
  private FxRobot robot;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @BeforeEach
  void showWindow(FxRobot robot) throws Exception {
    this.robot = robot;
    Files.createDirectories(dir.resolve("helper"));
    helper = new HelperProcess(dir.resolve("helper"), List.of());
    first = helper.start();
    XdgAutostartLoginItem login = new XdgAutostartLoginItem(dir.resolve("home/autostart"), dir.resolve("etc/autostart"),
        List.of("/usr/bin/java", "-jar", "/opt/agentmon/usrtask.jar"));
    robot.interact(() -> {
      model = new StatusModel(helper.socket(), login, app, () -> helper.start());
      app.model = model;
      stage.setScene(new Scene(new StatusView(model), 560, 420));
      stage.setTitle("AgentMon");
      stage.show();
      model.start();
    });
  }

  @AfterEach
  void stopAll() throws Exception {
    robot.interact(() -> model.close());
    helper.close();
  }

  @Test
  void showsTheRealPidAndEveryField() throws Exception {
    awaitText("pid", Long.toString(first.pid()));
    Status real = helper.status();
    assertEquals(real.instanceId(), text("instanceId"));
    assertEquals("running", text("state"));
    assertEquals(real.version(), text("version"));
    assertEquals("yes", text("enabled"));
    assertTrue(text("socketSource").startsWith("bound"), text("socketSource"));
    assertTrue(text("uptime").matches("\\d\\d:\\d\\d:\\d\\d"), text("uptime"));
    assertFalse(visible("banner"), "no banner while the helper runs: " + text("banner"));
    assertFalse(visible("readOnly"), "root is an administrator");
    assertFalse(visible("mismatch"), "same build: " + text("mismatch"));
  }

  @Test
  void showsTheUpstreamLinkAndTheRecentEvents() throws Exception {
    awaitText("pid", Long.toString(first.pid()));
    // The test helper has no configuration: no server, and its trail starts with its own start.
    Eventually.await(LONG, "upstream shown", () -> fx(() -> text("upstream")).startsWith("not-configured"),
        this::snapshot);
    assertTrue(text("spool").endsWith("waiting"), text("spool"));
    Eventually.await(LONG, "recent events", () -> fx(() -> text("recentEvents")).contains("helper.started"),
        () -> text("recentEvents"));
  }

  @Test
  void restartShowsProgressThenTheNewInstance() throws Exception {
    awaitText("pid", Long.toString(first.pid()));
    String oldInstance = text("instanceId");
    robot.clickOn("#restart");
    assertEquals("Restarting helper…", text("message"));
    assertTrue(button("restart").isDisabled(), "Restart is disabled while it runs");
    Eventually.await(LONG, "a new pid", () -> !fx(() -> text("pid")).equals(Long.toString(first.pid()))
        && !fx(() -> text("pid")).equals(StatusModel.NONE), () -> snapshot() + "\n" + helper.logText());
    Status now = helper.status();
    awaitText("pid", Long.toString(now.pid()));
    assertNotEquals(oldInstance, text("instanceId"));
    assertEquals(now.instanceId(), text("instanceId"));
    assertTrue(fx(() -> text("notice")).startsWith("Helper restarted at "), text("notice"));
    Eventually.await(LONG, "progress cleared", () -> !fx(() -> visible("message")), this::snapshot);
    assertFalse(button("restart").isDisabled());
  }

  @Test
  void stopShowsStoppedAndStartRunsItAgain() throws Exception {
    awaitText("state", "running");
    assertEquals("Stop Helper", button("stopStart").getText());
    robot.clickOn("#stopStart");
    Eventually.await(LONG, "Start Helper offered", () -> fx(() -> button("stopStart").getText()).equals("Start Helper")
        && !fx(() -> button("stopStart").isDisabled()), this::snapshot);
    assertTrue(List.of("not running", "disabled").contains(text("state")), text("state"));
    robot.clickOn("#stopStart");
    awaitText("state", "running");
    assertEquals("yes", text("enabled"));
    assertEquals("Stop Helper", button("stopStart").getText());
    assertEquals(Status.RUNNING, helper.status().state());
  }

  @Test
  void killNineShowsNotRunningWithinOneSecondAndRecovers() throws Exception {
    awaitText("pid", Long.toString(first.pid()));
    first.destroyForcibly(); // SIGKILL
    Duration took = Eventually.await(Duration.ofSeconds(1), "'Helper not running' shown",
        () -> fx(() -> text("banner")).equals("Helper not running"), this::snapshot);
    assertEquals("not running", text("state"));
    assertTrue(button("restart").isDisabled());
    Process second = helper.start();
    Eventually.await(LONG, "the new helper's pid", () -> fx(() -> text("pid")).equals(Long.toString(second.pid())),
        this::snapshot);
    assertFalse(visible("banner"), text("banner"));
    System.out.println("not-running shown after " + took.toMillis() + " ms");
  }

  @Test
  void quitLeavesTheHelperAnswering() throws Exception {
    awaitText("pid", Long.toString(first.pid()));
    robot.clickOn("#quit");
    assertEquals(List.of("quit"), app.calls);
    Status after = helper.status();
    assertEquals(first.pid(), after.pid());
    assertEquals(Status.RUNNING, after.state());
  }

  @Test
  void startAtLoginCheckboxWritesAndRemovesTheEntry() throws Exception {
    Path entry = dir.resolve("home/autostart/org.agentmon.usrtask.desktop");
    assertFalse(checkbox().isSelected());
    robot.clickOn("#startAtLogin");
    Eventually.await(LONG, "entry written and box checked",
        () -> Files.exists(entry) && fx(() -> checkbox().isSelected()), this::snapshot);
    robot.clickOn("#startAtLogin");
    Eventually.await(LONG, "entry removed and box clear",
        () -> !Files.exists(entry) && !fx(() -> checkbox().isSelected()), this::snapshot);
  }

  // ---- helpers

  private void awaitText(String id, String expected) {
    Eventually.await(LONG, "#" + id + " = " + expected, () -> expected.equals(fx(() -> text(id))),
        () -> snapshot() + "\n" + helper.logText());
  }

  private String text(String id) {
    String t = ((Label) node(id)).getText();
    return t == null ? "" : t;
  }

  private boolean visible(String id) {
    return node(id).isVisible();
  }

  private Button button(String id) {
    return (Button) node(id);
  }

  private CheckBox checkbox() {
    return (CheckBox) node("startAtLogin");
  }

  private Node node(String id) {
    return robot.lookup("#" + id).query();
  }

  private String snapshot() {
    return fx(() -> "state=" + text("state") + " pid=" + text("pid") + " banner=" + text("banner") + " message="
        + text("message") + " stopStart=" + button("stopStart").getText());
  }

  private static <T> T fx(Callable<T> c) {
    try {
      return WaitForAsyncUtils.asyncFx(c).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

}
