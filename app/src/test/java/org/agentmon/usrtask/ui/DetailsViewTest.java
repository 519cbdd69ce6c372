package org.agentmon.usrtask.ui;

import static org.agentmon.usrtask.present.Statuses.connected;
import static org.agentmon.usrtask.present.Statuses.status;
import static org.agentmon.usrtask.present.Statuses.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.GridPane;
import org.agentmon.usrtask.login.XdgAutostartLoginItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Details disclosure against a scripted status with long values: it wraps, aligns and cuts nothing unseen. */
class DetailsViewTest extends WindowTestBase {
  private static final String INSTANCE = "3f2a9c1e-0000-4000-8000-00000000abcd";
  private WindowProbe w;

  @AfterEach
  void close(FxRobot robot) {
    robot.interact(() -> models.close());
  }

  private void openWithLongValues(FxRobot robot) throws Exception {
    Path socket = dir.resolve("agentmon.sock");
    Files.writeString(socket, "");
    ScriptedHelper helper = new ScriptedHelper(socket);
    RecordingAppControl app = new RecordingAppControl();
    w = new WindowProbe(robot);
    robot.interact(() -> {
      models = new Models(helper, new XdgAutostartLoginItem(dir.resolve("a"), dir.resolve("b"), List.of("/bin/true")),
          app, null, new UserSettings(dir.resolve("settings.properties")), null);
      app.models = models;
      new StatusWindow(stage, models, () -> { }).show(null);
      models.start();
    });
    Map<String, Object> st = status("running");
    st.put("lastExit", "killed by signal 9 ".repeat(20) + "while writing /var/lib/agentmon/spool/events-000042.json");
    helper.push(connected(upstream(st, "backing-off", "2026-12-01T11:09:00Z", "connect to agentmon.example.com:443 "
        + "failed: " + "No route to host ".repeat(10))));
    robot.interact(() -> ((TitledPane) w.query("details")).setExpanded(true));
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aLongValueWrapsAndNoLabelIsCutToAnEllipsis(FxRobot robot) throws Exception {
    openWithLongValues(robot);
    double width = WindowProbe.fx(() -> stage.getWidth());
    assertTrue(width <= StatusView.WIDTH + 80, "the window did not grow to the long value: " + width);
    List<String> cut = WindowProbe.fx(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
        .filter(Label::isVisible).filter(l -> l.getText() != null && !l.getText().isEmpty())
        .filter(l -> l.getWidth() + 0.5 < l.prefWidth(-1) && !l.isWrapText())
        .filter(l -> l.getTooltip() == null || !l.getText().equals(l.getTooltip().getText())) // whole on hover
        .map(Label::getText).toList());
    assertEquals(List.of(), cut, "labels narrower than their text");
    Label exit = (Label) w.query("lastExit");
    assertTrue(WindowProbe.fx(() -> exit.getHeight() > 2 * exit.getFont().getSize()), "the long value wraps");
  }

  @Test
  void eachLabelIsLevelWithTheFirstLineOfItsValue(FxRobot robot) throws Exception {
    openWithLongValues(robot);
    GridPane fields = (GridPane) w.query("lastExit").getParent();
    List<String> apart = WindowProbe.fx(() -> fields.getChildren().stream()
        .filter(n -> GridPane.getColumnIndex(n) != null && GridPane.getColumnIndex(n) == 1)
        .filter(value -> {
          Label key = (Label) fields.getChildren().stream().filter(n -> GridPane.getColumnIndex(n) == 0
              && GridPane.getRowIndex(n).equals(GridPane.getRowIndex(value))).findFirst().orElseThrow();
          return Math.abs(key.getBoundsInParent().getMinY() - value.getBoundsInParent().getMinY()) > 0.5;
        }).map(n -> n.getId()).toList());
    assertEquals(List.of(), apart, "values whose label is not level with their first line");
  }

  @Test
  void theInstanceIdIsNeverBrokenMidWordAndCopiesWhole(FxRobot robot) throws Exception {
    openWithLongValues(robot);
    Label id = (Label) w.query("instanceId");
    assertTrue(WindowProbe.fx(() -> id.getHeight() < 2 * id.getFont().getSize()), "the instance id stays on one line");
    assertEquals(INSTANCE, WindowProbe.fx(() -> id.getTooltip().getText()), "the whole id on hover");
    robot.interact(() -> id.getContextMenu().getItems().get(0).fire());
    assertEquals(INSTANCE, WindowProbe.fx(() -> Clipboard.getSystemClipboard().getString()), "Copy copies it whole");
  }
}
