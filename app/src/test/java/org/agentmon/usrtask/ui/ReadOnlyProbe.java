package org.agentmon.usrtask.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import org.agentmon.usrtask.live.HelperLink;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.agentmon.usrtask.login.XdgAutostartLoginItem;

/**
 * Run by {@link ReadOnlyCallerTest} in its own JVM as an unprivileged user: shows the status
 * window headless (Monocle) against the given helper, presses Restart and Stop, and prints what
 * the window shows as {@code key=value} lines.
 */
public final class ReadOnlyProbe {
  private ReadOnlyProbe() {}

  /** @param args the helper's socket, a writable scratch directory */
  public static void main(String[] args) throws Exception {
    Path socket = Path.of(args[0]);
    Path scratch = Path.of(args[1]);
    Platform.startup(() -> { });
    Stage[] stage = new Stage[1];
    fx(() -> {
      Theme.apply(false, false);
      RecordingAppControl app = new RecordingAppControl();
      Models models = new Models(new HelperLink(socket), new XdgAutostartLoginItem(scratch.resolve("a"),
          scratch.resolve("b"), List.of("/bin/true")), app, null, new UserSettings(scratch.resolve("s")), null);
      app.models = models;
      stage[0] = new Stage();
      new StatusWindow(stage[0], models, stage[0]::hide).show(null);
      models.start();
      return null;
    });
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (fx(() -> label(stage[0], "pid")).equals(Details.NONE) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    fx(() -> {
      ((Button) stage[0].getScene().lookup("#restart")).fire(); // a disabled button ignores this
      ((Button) stage[0].getScene().lookup("#stopStart")).fire();
      return null;
    });
    Thread.sleep(500);
    System.out.println("pid=" + fx(() -> label(stage[0], "pid")));
    System.out.println("state=" + fx(() -> label(stage[0], "state")));
    System.out.println("sentence=" + fx(() -> label(stage[0], "sentence")));
    System.out.println("readOnly=" + fx(() -> label(stage[0], "adminOnly")));
    System.out.println("readOnlyVisible=" + fx(() -> stage[0].getScene().lookup("#adminOnly").isVisible()));
    System.out.println("message=" + fx(() -> label(stage[0], "progress")));
    System.out.println("restartDisabled=" + fx(() -> stage[0].getScene().lookup("#restart").isDisabled()));
    System.out.println("stopStartDisabled=" + fx(() -> stage[0].getScene().lookup("#stopStart").isDisabled()));
    System.exit(0);
  }

  private static String label(Stage s, String id) {
    return ((Label) s.getScene().lookup("#" + id)).getText();
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    FutureTask<T> t = new FutureTask<>(c);
    Platform.runLater(t);
    return t.get();
  }
}
