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
import java.util.TimeZone;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * behaviour (the *Test classes are): the pictures are for people, who look at them. A fixed
 * clock (11:20 UTC), fixed action timings and each state's own recent activity make every run
 * draw the same pictures.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotGallery {
  private static final Instant NOW = Instant.parse("2026-12-01T11:20:00Z");
  private static TimeZone zone;
  @TempDir Path dir;
  private Stage stage;

  @BeforeAll
  static void utc() {
    zone = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone("UTC")); // the views say times in the system's zone
  }

  @AfterAll
  static void restoreZone() {
    TimeZone.setDefault(zone);
  }

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
    String down = NOW.minusSeconds(11 * 60).toString();
    List<Map<?, ?>> running = List.of(ev("helper.started", 200), ev("upstream.connected", 199),
        ev("helper.restart-requested", 2, "uid", 0), ev("helper.started", 2));
    shoot(robot, out, theme, "running", true, null, running, h -> h.push(connected(connectedTo(status("running")))));
    shoot(robot, out, theme, "no-server", true, null, List.of(ev("helper.enabled", 95, "uid", 0),
        ev("helper.started", 95)), h -> h.push(connected(upstream(status("running"), "not-configured", null, null))));
    shoot(robot, out, theme, "server-unreachable", true, null, List.of(ev("helper.started", 200),
        ev("upstream.connected", 199), ev("upstream.unreachable", 11)),
        h -> h.push(connected(unreachable(status("running"), down))));
    shoot(robot, out, theme, "stopped", true, null, List.of(ev("helper.started", 200), ev("upstream.connected", 199),
        ev("helper.stopped", 0, "uid", 0)), h -> h.push(connected(status("disabled"))));
    shoot(robot, out, theme, "crashed", true, null, List.of(ev("helper.started", 200), ev("upstream.connected", 199),
        ev("upstream.unreachable", 52), ev("upstream.recovered", 50)), h -> {
          h.push(connected(status("running")));
          h.push(lost(LinkState.NOT_RUNNING, status("running")));
        });
    Map<String, Object> safe = status("safe-mode");
    safe.put("reason", "crash loop: 5 starts within 60 s that did not stay up 10 s");
    List<Map<?, ?>> crashes = List.of(ev("helper.started", 3, "previousRun", "killed or crashed"),
        ev("helper.started", 2, "previousRun", "killed or crashed"),
        ev("helper.started", 1, "previousRun", "killed or crashed"), ev("helper.safe-mode", 1));
    shoot(robot, out, theme, "safe-mode", true, null, crashes, h -> h.push(connected(safe)));
    shoot(robot, out, theme, "config-refused", true, null, List.of(ev("helper.started", 30),
        ev("config.error", 30)),
        h -> h.push(connected(upstream(status("running"), "config-error", null,
            "/etc/agentmon/org.agentmon.helper.plist is writable by group or others (rw-rw-rw-): "
                + "refusing it (run chmod go-w /etc/agentmon/org.agentmon.helper.plist)"))));
    shoot(robot, out, theme, "read-only-user", true, "the help desk (ext. 4242)", List.of(ev("helper.started", 480),
        ev("upstream.connected", 479)), h -> h.push(connected(readOnly(connectedTo(status("running"))))));
    shoot(robot, out, theme, "not-installed", false, null, List.of(),
        h -> h.push(lost(LinkState.NOT_RUNNING, null)));
    shoot(robot, out, theme, "restarting", true, null, running, h -> {
      h.push(connected(connectedTo(status("running"))));
      robot.clickOn("#restart");
    });
    shoot(robot, out, theme, "restarted", true, null, running, h -> {
      h.push(connected(connectedTo(status("running"))));
      robot.clickOn("#restart");
      Map<String, Object> next = connectedTo(status("running"));
      next.put("instanceId", "9b1d2e00-0000-4000-8000-000000000002");
      h.push(connected(next));
    });
    shoot(robot, out, theme, "details", true, null, running, h -> {
      h.push(connected(connectedTo(status("running"))));
      robot.interact(() -> ((javafx.scene.control.TitledPane) robot.lookup("#details").query()).setExpanded(true));
    });
    dialog(robot, out, theme, "quit-confirmation", m -> QuitView.quit(null, m.quit()));
    dialog(robot, out, theme, "stop-confirmation", m -> StopConfirmation.ask(null, () -> { }));
  }

  /** An audit-trail event {@code minutesAgo} before the gallery's clock, with more fields as key, value pairs. */
  private static Map<?, ?> ev(String type, long minutesAgo, Object... more) {
    Map<String, Object> e = new java.util.LinkedHashMap<>();
    e.put("type", type);
    e.put("time", NOW.minusSeconds(60 * minutesAgo).toString());
    for (int i = 0; i < more.length; i += 2) {
      e.put((String) more[i], more[i + 1]);
    }
    return e;
  }

  private static Map<String, Object> connectedTo(Map<String, Object> st) {
    Map<String, Object> m = upstream(st, "connected", null, null);
    ((Map<String, Object>) m.get("upstream")).put("lastSuccess", NOW.minusSeconds(40).toString());
    return m;
  }

  private static Map<String, Object> unreachable(Map<String, Object> st, String down) {
    Map<String, Object> m = upstream(st, "backing-off", down, "connect timed out");
    Map<String, Object> u = (Map<String, Object>) m.get("upstream");
    u.put("nextAttempt", NOW.plusSeconds(50).toString());
    u.put("spoolDepth", 12);
    return m;
  }

  private Models open(FxRobot robot, boolean installed, String contact, List<Map<?, ?>> events,
      ScriptedHelper[] helperOut) throws Exception {
    Path d = Files.createTempDirectory(dir, "s");
    Path socket = d.resolve("agentmon.sock");
    if (installed) {
      Files.writeString(socket, "");
    }
    ScriptedHelper h = new ScriptedHelper(socket);
    h.events.addAll(events);
    helperOut[0] = h;
    long[] nanos = {0, 800_000_000L}; // every action takes 0.8 s: its first reading is the start, all later ones the end
    int[] readings = {0};
    RecordingAppControl app = new RecordingAppControl();
    Models[] m = new Models[1];
    robot.interact(() -> {
      m[0] = new Models(h, new XdgAutostartLoginItem(d.resolve("a"), d.resolve("b"), List.of("/bin/true")), app, null,
          new UserSettings(d.resolve("settings")), contact, () -> NOW, () -> nanos[Math.min(readings[0]++, 1)]);
      app.models = m[0];
      new StatusWindow(stage, m[0], () -> { }).show(null);
      m[0].start();
    });
    return m[0];
  }

  private void shoot(FxRobot robot, Path out, String theme, String name, boolean installed, String contact,
      List<Map<?, ?>> events, Consumer<ScriptedHelper> script) throws Exception {
    ScriptedHelper[] h = new ScriptedHelper[1];
    Models m = open(robot, installed, contact, events, h);
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
    Models m = open(robot, true, null, List.of(), h);
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
