package org.agentmon.usrtask.ui;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Reads the status window's real controls on the FX thread, by id. */
final class WindowProbe {
  private final FxRobot robot;

  WindowProbe(FxRobot robot) {
    this.robot = robot;
  }

  FxRobot robot() {
    return robot;
  }

  String text(String id) {
    return fx(() -> {
      Node n = query(id);
      String t = n instanceof Label l ? l.getText() : n instanceof Button b ? b.getText() : null;
      return t == null ? "" : t;
    });
  }

  boolean visible(String id) {
    return fx(() -> query(id) != null && query(id).isVisible());
  }

  Button button(String id) {
    return (Button) query(id);
  }

  CheckBox checkbox(String id) {
    return (CheckBox) query(id);
  }

  Node query(String id) {
    return robot.lookup("#" + id).tryQuery().orElse(null);
  }

  /** @return where each control sits in the scene, to the pixel: equal strings mean nothing moved */
  String places(String... ids) {
    return fx(() -> java.util.Arrays.stream(ids)
        .map(id -> id + "@" + Math.round(query(id).localToScene(0, 0).getX()) + "," + Math.round(query(id)
            .localToScene(0, 0).getY()))
        .collect(Collectors.joining(" ")));
  }

  String focusedId() {
    return fx(() -> {
      Node f = robot.listTargetWindows().stream().filter(javafx.stage.Window::isFocused).findFirst()
          .map(win -> win.getScene().getFocusOwner()).orElse(null);
      return f == null ? "none" : f.getId();
    });
  }

  /** @return "Recent activity" as lines of text */
  String activity() {
    return fx(() -> {
      Pane rows = (Pane) query("activity");
      return rows.getChildrenUnmodifiable().stream().map(WindowProbe::texts).collect(Collectors.joining("\n"));
    });
  }

  private static String texts(Node row) {
    if (row instanceof Label l) {
      return l.getText();
    }
    return ((Pane) row).getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText())
        .collect(Collectors.joining(" · "));
  }

  String snapshot() {
    return fx(() -> "sentence=" + text("sentence") + " secondary=" + text("secondary") + " state=" + text("state")
        + " pid=" + text("pid") + " progress=" + text("progress") + " stopStart=" + text("stopStart"));
  }

  static <T> T fx(Callable<T> c) {
    if (javafx.application.Platform.isFxApplicationThread()) {
      try {
        return c.call();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    try {
      return WaitForAsyncUtils.asyncFx(c).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
