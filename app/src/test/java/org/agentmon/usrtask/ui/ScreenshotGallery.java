package org.agentmon.usrtask.ui;

import static org.agentmon.usrtask.present.Statuses.connected;
import static org.agentmon.usrtask.present.Statuses.lost;
import static org.agentmon.usrtask.present.Statuses.readOnly;
import static org.agentmon.usrtask.present.Statuses.status;
import static org.agentmon.usrtask.present.Statuses.upstream;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.live.LinkState;
import org.agentmon.usrtask.login.XdgAutostartLoginItem;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders every state of the status, restart and quit views, light and dark, into
 * {@code docs/screenshots} ({@code ./mvnw -B -Pscreenshots -pl app -am verify}). Not a test of
 * behaviour (the *Test classes are): the pictures are for people, who look at them.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotGallery {
  private static final String URL_HOST = "agentmon.example.com";
  @TempDir Path dir;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"light", "dark"})
  void everyState(String theme, FxRobot robot) throws Exception {
    Path out = Path.of(System.getProperty("usrtask.gallery", "target/screenshots"));
    Files.createDirectories(out);
    robot.interact(() -> Theme.apply(false, theme.equals("dark")));
    Instant now = Instant.now();
    String down = now.minusSeconds(11 * 60).toString();
    shoot(robot, out, theme, "running", true, null, h -> h.push(connected(connectedTo(status("running")))));
    shoot(robot, out, theme, "no-server", true, null,
        h -> h.push(connected(upstream(status("running"), "not-configured", null, null))));
    shoot(robot, out, theme, "server-unreachable", true, null, h -> h.push(connected(
        unreachable(status("running"), down))));
    shoot(robot, out, theme, "stopped", true, null, h -> h.push(connected(status("disabled"))));
    shoot(robot, out, theme, "crashed", true, null, h -> {
      h.push(connected(status("running")));
      h.push(lost(LinkState.NOT_RUNNING, status("running")));
    });
    Map<String, Object> safe = status("safe-mode");
    safe.put("reason", "crash loop: 5 starts within 60 s that did not stay up 10 s");
    shoot(robot, out, theme, "safe-mode", true, null, h -> h.push(connected(safe)));
    shoot(robot, out, theme, "config-refused", true, null, h -> h.push(connected(upstream(status("running"),
        "config-error", null, "/etc/agentmon/org.agentmon.helper.plist is writable by group or others (rw-rw-rw-): "
            + "refusing it (run chmod go-w /etc/agentmon/org.agentmon.helper.plist)"))));
    shoot(robot, out, theme, "read-only-user", true, "the help desk (ext. 4242)",
        h -> h.push(connected(readOnly(connectedTo(status("running"))))));
    shoot(robot, out, theme, "not-installed", false, null, h -> h.push(lost(LinkState.NOT_RUNNING, null)));
    shoot(robot, out, theme, "restarting", true, null, h -> {
      h.push(connected(connectedTo(status("running"))));
      robot.clickOn("#restart");
    });
    shoot(robot, out, theme, "restarted", true, null, h -> {
      h.push(connected(connectedTo(status("running"))));
      robot.clickOn("#restart");
      Map<String, Object> next = connectedTo(status("running"));
      next.put("instanceId", "9b1d2e00-0000-4000-8000-000000000002");
      h.push(connected(next));
    });
    shoot(robot, out, theme, "details", true, null, h -> {
      h.push(connected(connectedTo(status("running"))));
      robot.interact(() -> ((javafx.scene.control.TitledPane) robot.lookup("#details").query()).setExpanded(true));
    });
    dialog(robot, out, theme, "quit-confirmation", m -> QuitView.quit(null, m.quit()));
    dialog(robot, out, theme, "stop-confirmation", m -> StopConfirmation.ask(null, () -> { }));
  }

  private static Map<String, Object> connectedTo(Map<String, Object> st) {
    Map<String, Object> m = upstream(st, "connected", null, null);
    ((Map<String, Object>) m.get("upstream")).put("lastSuccess", Instant.now().minusSeconds(40).toString());
    return m;
  }

  private static Map<String, Object> unreachable(Map<String, Object> st, String down) {
    Map<String, Object> m = upstream(st, "backing-off", down, "connect timed out");
    Map<String, Object> u = (Map<String, Object>) m.get("upstream");
    u.put("nextAttempt", Instant.now().plusSeconds(50).toString());
    u.put("spoolDepth", 12);
    return m;
  }

  private Models open(FxRobot robot, boolean installed, String contact, ScriptedHelper[] helperOut) throws Exception {
    Path d = Files.createTempDirectory(dir, "s");
    Path socket = d.resolve("agentmon.sock");
    if (installed) {
      Files.writeString(socket, "");
    }
    ScriptedHelper h = new ScriptedHelper(socket);
    Instant now = Instant.now();
    h.events.add(Map.of("type", "helper.started", "time", now.minusSeconds(3 * 3600).toString()));
    h.events.add(Map.of("type", "helper.enabled", "uid", 0, "time", now.minusSeconds(2 * 3600).toString()));
    h.events.add(Map.of("type", "helper.restart-requested", "uid", 0, "time", now.minusSeconds(120).toString()));
    helperOut[0] = h;
    RecordingAppControl app = new RecordingAppControl();
    Models[] m = new Models[1];
    robot.interact(() -> {
      m[0] = new Models(h, new XdgAutostartLoginItem(d.resolve("a"), d.resolve("b"), List.of("/bin/true")), app, null,
          new UserSettings(d.resolve("settings")), contact);
      app.models = m[0];
      new StatusWindow(stage, m[0], () -> { }).show(null);
      m[0].start();
    });
    return m[0];
  }

  private void shoot(FxRobot robot, Path out, String theme, String name, boolean installed, String contact,
      Consumer<ScriptedHelper> script) throws Exception {
    ScriptedHelper[] h = new ScriptedHelper[1];
    Models m = open(robot, installed, contact, h);
    script.accept(h[0]);
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(() -> { }); // let the activity read come back
    Thread.sleep(300);
    WaitForAsyncUtils.waitForFxEvents();
    write(robot, stage.getScene().getRoot(), out.resolve(name + "-" + theme + ".png"));
    robot.interact(m::close);
  }

  private void dialog(FxRobot robot, Path out, String theme, String name, Consumer<Models> show) throws Exception {
    ScriptedHelper[] h = new ScriptedHelper[1];
    Models m = open(robot, true, null, h);
    h[0].push(connected(connectedTo(status("running"))));
    List<Alert> shown = new ArrayList<>();
    robot.interact(() -> show.accept(m));
    WaitForAsyncUtils.waitForFxEvents();
    Parent pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
    write(robot, pane, out.resolve(name + "-" + theme + ".png"));
    robot.interact(() -> ((javafx.stage.Stage) pane.getScene().getWindow()).close());
    robot.interact(m::close);
    assertTrue(shown.isEmpty());
  }

  private static void write(FxRobot robot, Parent root, Path file) throws Exception {
    WritableImage[] img = new WritableImage[1];
    robot.interact(() -> {
      javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
      img[0] = root.snapshot(p, null);
    });
    int w = (int) img[0].getWidth();
    int h = (int) img[0].getHeight();
    BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader r = img[0].getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        b.setRGB(x, y, r.getArgb(x, y));
      }
    }
    ImageIO.write(b, "png", file.toFile());
    System.out.println("wrote " + file + " (" + w + "x" + h + ")");
  }
}
