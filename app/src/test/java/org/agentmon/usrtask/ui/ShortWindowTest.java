package org.agentmon.usrtask.ui;

import static org.agentmon.usrtask.present.Statuses.connected;
import static org.agentmon.usrtask.present.Statuses.status;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import org.agentmon.usrtask.login.XdgAutostartLoginItem;
import org.agentmon.usrtask.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window shorter than its content (a short screen with "Details" open): the footer's bottom was cut
 * off. Now the header and the footer stay whole and the middle (activity and Details) scrolls, by the
 * mouse wheel and by keyboard focus; at its own height nothing scrolls.
 */
class ShortWindowTest extends WindowTestBase {
  private static final Duration LONG = Duration.ofSeconds(10);
  /** The controls outside the middle, which must stay whole in the window. */
  private static final List<String> ALWAYS_WHOLE = List.of("sentence", "restart", "startAtLogin", "relaunch", "quit");
  private WindowProbe w;
  private ScrollPane middle;

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(() -> models.close());
  }

  @ParameterizedTest(name = "dark={0}")
  @ValueSource(booleans = {false, true})
  void theMiddleScrollsToTheLastDetailAndTheFooterStaysWhole(boolean dark, FxRobot robot) throws Exception {
    openShortWithDetails(dark, robot);
    Node last = w.query("copyDiagnostics");
    assertFalse(inView(last), "Details' last row starts out of view: " + where(last));
    String footer = w.places(ALWAYS_WHOLE.toArray(String[]::new));
    Node over = w.query("details");
    Eventually.await(LONG, "Details' last row in view after scrolling with the wheel", () -> {
      wheelDown(over);
      return inView(last);
    }, () -> where(last));
    assertTrue(footer.equals(w.places(ALWAYS_WHOLE.toArray(String[]::new))), "the header and footer did not move");
    everyOutsideControlWhole();
  }

  @ParameterizedTest(name = "dark={0}")
  @ValueSource(booleans = {false, true})
  void tabReachesEveryControlAndScrollsItIntoView(boolean dark, FxRobot robot) throws Exception {
    openShortWithDetails(dark, robot);
    robot.interact(() -> w.button("restart").requestFocus());
    java.util.Set<String> reached = new java.util.LinkedHashSet<>();
    for (int i = 0; i < 16; i++) {
      robot.type(KeyCode.TAB);
      WaitForAsyncUtils.waitForFxEvents();
      Node focused = WindowProbe.fx(() -> stage.getScene().getFocusOwner());
      reached.add(focused.getId() == null ? "(no id)" : focused.getId());
      // Details, taller than the view, is focused by its title
      Node seen = focused instanceof TitledPane t ? WindowProbe.fx(() -> t.lookup(".title")) : focused;
      assertTrue(inView(seen), focused + " focused and in view: " + where(seen));
    }
    for (String id : List.of("restart", "stopStart", "details", "copyDiagnostics", "startAtLogin", "relaunch",
        "quit")) {
      assertTrue(reached.contains(id), id + " not reached by Tab: " + reached);
    }
  }

  /** The window at its own height, then Details open and the window as short as a short screen leaves it. */
  private void openShortWithDetails(boolean dark, FxRobot robot) throws Exception {
    robot.interact(() -> Theme.apply(false, dark));
    ScriptedHelper helper = new ScriptedHelper(dir.resolve("agentmon.sock"));
    helper.events.add(Map.of("type", "helper.started", "time", "2026-12-01T09:00:00Z"));
    w = new WindowProbe(robot);
    robot.interact(() -> {
      models = new Models(helper, new XdgAutostartLoginItem(dir.resolve("a"), dir.resolve("b"), List.of("/bin/true")),
          new RecordingAppControl(), null, new UserSettings(dir.resolve("settings.properties")), null);
      new StatusWindow(stage, models, () -> { }).show(null);
      models.start();
    });
    helper.push(connected(status("running")));
    Eventually.await(LONG, "the details in", () -> !w.text("spool").isEmpty(), w::snapshot);
    WaitForAsyncUtils.waitForFxEvents();
    middle = (ScrollPane) w.query("middle");
    assertFalse(scrollBarShown(), "at its own height the window does not scroll");
    robot.interact(() -> ((TitledPane) w.query("details")).setExpanded(true));
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> stage.setHeight(StatusWindow.MIN_HEIGHT));
    WaitForAsyncUtils.waitForFxEvents();
    everyOutsideControlWhole();
    assertTrue(middle != null && WindowProbe.fx(() -> middle.getContent().getLayoutBounds().getHeight()
        > middle.getViewportBounds().getHeight() + 100), "the content is taller than the window leaves it");
    assertTrue(scrollBarShown(), "a scroll bar shows that the middle scrolls");
  }

  /**
   * One step of the mouse wheel, down, over the node: the event JavaFX delivers for it (Monocle's robot
   * turns the wheel once at most; StatusWindowOnAShortScreen turns a real one on Xvfb).
   */
  private static void wheelDown(Node over) {
    WindowProbe.fx(() -> {
      javafx.event.Event.fireEvent(over, new ScrollEvent(ScrollEvent.SCROLL, 0, 0, 0, 0, false, false, false, false,
          false, false, 0, -40, 0, -40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
          ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
      return null;
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void everyOutsideControlWhole() {
    for (String id : ALWAYS_WHOLE) {
      Node n = w.query(id);
      Bounds b = WindowProbe.fx(() -> n.localToScene(n.getLayoutBounds()));
      double height = WindowProbe.fx(() -> stage.getScene().getHeight());
      double width = WindowProbe.fx(() -> stage.getScene().getWidth());
      assertTrue(b.getMinY() >= 0 && b.getMaxY() <= height && b.getMinX() >= 0 && b.getMaxX() <= width,
          id + " at " + b + " whole in the window " + width + "x" + height);
    }
  }

  private boolean scrollBarShown() {
    return middle != null && WindowProbe.fx(() -> middle.lookupAll(".scroll-bar").stream()
        .anyMatch(b -> b instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL
            && bar.getParent() == middle.lookup(".viewport").getParent() && bar.isVisible()));
  }

  /** @return whether the node is whole inside the middle's visible part, or not in the middle at all */
  private boolean inView(Node n) {
    return WindowProbe.fx(() -> {
      Node up = n;
      while (up != null && up != middle) {
        up = up.getParent();
      }
      if (up == null) {
        return true;
      }
      Bounds b = n.localToScene(n.getLayoutBounds());
      Node viewport = middle.lookup(".viewport");
      Bounds v = viewport.localToScene(viewport.getLayoutBounds());
      return b.getMinY() >= v.getMinY() - 0.5 && b.getMaxY() <= v.getMaxY() + 0.5;
    });
  }

  private String where(Node n) {
    return WindowProbe.fx(() -> n.localToScene(n.getLayoutBounds()) + " in the visible part "
        + middle.lookup(".viewport").localToScene(middle.lookup(".viewport").getLayoutBounds()) + ", scrolled "
        + middle.getVvalue() + " of " + middle.getContent().getLayoutBounds().getHeight() + " px");
  }
}
