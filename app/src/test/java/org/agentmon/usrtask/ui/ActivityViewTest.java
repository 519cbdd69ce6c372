package org.agentmon.usrtask.ui;

import static org.agentmon.usrtask.present.Statuses.connected;
import static org.agentmon.usrtask.present.Statuses.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.agentmon.usrtask.login.XdgAutostartLoginItem;
import org.agentmon.usrtask.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Recent activity" is as tall as its rows really are: a wrapped event never pushes the last row out of view. */
@ExtendWith(ApplicationExtension.class)
class ActivityViewTest {
  private static final Duration LONG = Duration.ofSeconds(10);
  @TempDir Path dir;
  private Stage stage;
  private Models models;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(() -> models.close());
  }

  @ParameterizedTest(name = "dark={0}")
  @ValueSource(booleans = {false, true})
  void aWrappedEventKeepsEveryRowInViewWithoutScrolling(boolean dark, FxRobot robot) throws Exception {
    ScriptedHelper helper = startedHelper(dark, robot);
    helper.events.add(Map.of("type", "config.error", "time", "2026-12-01T09:30:00Z", "error",
        "/etc/agentmon/agentmon.json is writable by group or others; ask an administrator to fix its permissions"));
    helper.events.add(Map.of("type", "helper.restart-requested", "uid", 0, "time", "2026-12-01T10:00:00Z"));
    WindowProbe w = new WindowProbe(robot);
    robot.interact(() -> {
      models = models(helper);
      new StatusWindow(stage, models, () -> { }).show(null);
      models.start();
    });
    helper.push(connected(status("running")));
    Eventually.await(LONG, "three rows", () -> w.activity().lines().count() == 3, w::activity);
    WaitForAsyncUtils.waitForFxEvents();
    Pane rows = (Pane) w.query("activity");
    Node up = rows;
    while (!(up instanceof ScrollPane)) {
      up = up.getParent();
    }
    ScrollPane scroll = (ScrollPane) up;
    String what = WindowProbe.fx(() -> w.activity());
    assertTrue(WindowProbe.fx(() -> rows.getChildren().get(1).getLayoutBounds().getHeight()
        > rows.getChildren().get(0).getLayoutBounds().getHeight() * 1.5), "the long event wraps: " + what);
    Node last = WindowProbe.fx(() -> rows.getChildren().get(2));
    Bounds lastOnScreen = WindowProbe.fx(() -> last.localToScreen(last.getLayoutBounds()));
    Bounds viewport = WindowProbe.fx(() -> scroll.lookup(".viewport").localToScreen(
        scroll.lookup(".viewport").getLayoutBounds()));
    assertTrue(lastOnScreen.getMaxY() <= viewport.getMaxY() + 0.5 && lastOnScreen.getMinY() >= viewport.getMinY() - 0.5,
        "last row " + lastOnScreen + " inside the visible list " + viewport);
    assertEquals(0.0, WindowProbe.fx(scroll::getVvalue), "nothing scrolled");
    assertTrue(WindowProbe.fx(() -> rows.getHeight() <= scroll.getViewportBounds().getHeight() + 0.5),
        "no scrolling needed: rows " + WindowProbe.fx(rows::getHeight) + " in " + WindowProbe.fx(scroll::getViewportBounds));
  }

  /**
   * A window made after the activity is in (as at its first show from the tray) was measured before
   * it had a width: every text wrapped word by word, and the list kept that height as slack.
   */
  @ParameterizedTest(name = "dark={0}")
  @ValueSource(booleans = {false, true})
  void aWindowMadeAfterTheActivityIsInHasNoSlackInTheList(boolean dark, FxRobot robot) throws Exception {
    ScriptedHelper helper = startedHelper(dark, robot);
    robot.interact(() -> {
      models = models(helper);
      models.start();
    });
    helper.push(connected(status("running")));
    Eventually.await(LONG, "the activity read", () -> WindowProbe.fx(() -> models.status().activity().size()) == 1,
        () -> WindowProbe.fx(() -> models.status().activity().toString()));
    robot.interact(() -> new StatusWindow(stage, models, () -> { }).show(null));
    WaitForAsyncUtils.waitForFxEvents();
    WindowProbe w = new WindowProbe(robot);
    Pane rows = (Pane) w.query("activity");
    ScrollPane scroll = (ScrollPane) WindowProbe.fx(() -> {
      Node up = rows;
      while (!(up instanceof ScrollPane)) {
        up = up.getParent();
      }
      return up;
    });
    double slack = WindowProbe.fx(() -> scroll.getViewportBounds().getHeight() - rows.getHeight());
    assertTrue(slack <= 1, "the list is as tall as its one row: " + slack + " px more, window "
        + WindowProbe.fx(() -> stage.getWidth() + "x" + stage.getHeight()));
  }

  /** @return a scripted helper whose log starts with its start, in the given theme */
  private ScriptedHelper startedHelper(boolean dark, FxRobot robot) throws java.io.IOException {
    robot.interact(() -> Theme.apply(false, dark));
    ScriptedHelper helper = new ScriptedHelper(dir.resolve("agentmon.sock"));
    helper.events.add(Map.of("type", "helper.started", "time", "2026-12-01T09:00:00Z"));
    return helper;
  }

  private Models models(ScriptedHelper helper) {
    return new Models(helper, new XdgAutostartLoginItem(dir.resolve("a"), dir.resolve("b"), List.of("/bin/true")),
        new RecordingAppControl(), null, new UserSettings(dir.resolve("settings.properties")), null);
  }
}
