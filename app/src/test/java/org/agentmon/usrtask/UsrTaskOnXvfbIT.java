package org.agentmon.usrtask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.agentmon.usrtask.single.InstanceLock;
import org.agentmon.usrtask.testing.AppProcess;
import org.agentmon.usrtask.testing.DesktopSession;
import org.agentmon.usrtask.testing.Eventually;
import org.agentmon.usrtask.testing.Gtk3;
import org.agentmon.usrtask.testing.HelperProcess;
import org.agentmon.usrtask.testing.XServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar usrtask.jar} on a real X display (Xvfb) with a real tray host (trayer), against
 * a real helper: the tray icon lands in the panel, a second launch hands over and exits 0, the
 * status window is shown and photographed, a relaunch replaces the instance, and Quit leaves the
 * helper answering.
 */
class UsrTaskOnXvfbIT {
  @RegisterExtension static final XServer X = new XServer();
  private static final Duration LONG = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void trayHandoverScreenshotRelaunchAndQuit() throws Exception {
    Gtk3.assumeInstalled();
    Path jar = DesktopSession.jar();
    Files.createDirectories(dir.resolve("helper"));
    Map<String, String> env = DesktopSession.env(dir, X);
    Path runtime = DesktopSession.runtime(dir);
    // No session bus: the AWT (XEmbed) tray even when this test runs inside a desktop with a
    // StatusNotifierWatcher (StatusNotifierTrayIT covers that one).
    env.put("DBUS_SESSION_BUS_ADDRESS", "");
    try (HelperProcess helper = new HelperProcess(dir.resolve("helper"), java.util.List.of())) {
      long helperPid = helper.start().pid();
      String socket = helper.socket().toString();

      try (AppProcess first = AppProcess.start(jar, dir.resolve("first.out"), env, "--socket", socket)) {
        Eventually.await(LONG, "UsrTask says its tray icon was added", () -> first.output().contains("tray icon added"),
            first::output);
        Eventually.await(LONG, "a Java window embedded in trayer's panel", () -> panelHoldsJavaIcon(X.tree()), X::tree);
        assertTrue(!X.run("xwininfo", "-name", "AgentMon").contains("IsViewable"), "with a tray the window starts hidden");
        // The real AWT menu: the status line equal to the window's header, then the order.
        Eventually.await(LONG, "the tray menu's status line", () -> first.output().contains("tray menu now: [AgentMon is "
            + "running · No server configured, -, Open AgentMon…, Restart AgentMon, Stop AgentMon, -, Start at Login, "
            + "Relaunch, Quit AgentMon]"), first::output);
        TrayMenuPicture.take(X, Path.of(System.getProperty("usrtask.screenshots", "target/screenshots"))
            .resolve("tray-menu.png"));

        AppProcess second = AppProcess.start(jar, dir.resolve("second.out"), env, "--socket", socket);
        assertTrue(second.process().waitFor(30, TimeUnit.SECONDS), "the second launch exits");
        assertEquals(0, second.process().exitValue(), second.output());
        assertTrue(second.output().contains("already running"), second.output());
        Eventually.await(LONG, "the first instance shows its window", () -> first.output().contains("status window shown")
            && X.run("xwininfo", "-name", "AgentMon").contains("IsViewable"), first::output);

        Path shot = screenshot();
        BufferedImage img = ImageIO.read(shot.toFile());
        System.out.println("screenshot " + shot + ": " + img.getWidth() + "x" + img.getHeight() + ", " + colours(img)
            + " colours");
        assertTrue(img.getWidth() >= 300 && img.getHeight() >= 200, img.getWidth() + "x" + img.getHeight());
        assertTrue(colours(img) >= 8, "a rendered window has text and buttons, not one flat colour: " + colours(img));

        AppProcess replacement = AppProcess.start(jar, dir.resolve("third.out"), env, "--socket", socket, "--replace");
        try {
          assertTrue(first.process().waitFor(30, TimeUnit.SECONDS), "the old instance exits on relaunch");
          assertEquals(0, first.process().exitValue(), first.output());
          Eventually.await(LONG, "the new instance runs the tray", () -> replacement.output().contains("tray icon added"),
              replacement::output);

          assertTrue(InstanceLock.send(runtime.resolve("agentmon-usrtask/usrtask.sock"), InstanceLock.QUIT),
              "the new instance holds the lock");
          assertTrue(replacement.process().waitFor(30, TimeUnit.SECONDS), "Quit exits UsrTask");
          assertEquals(0, replacement.process().exitValue(), replacement.output());
        } finally {
          replacement.close();
        }
      }
      Status after = helper.status();
      assertEquals(helperPid, after.pid(), "Quit left the same helper running");
      assertEquals(RunState.RUNNING, after.state());
    }
  }

  private static boolean panelHoldsJavaIcon(String tree) {
    int panel = tree.indexOf("\"panel\"");
    if (panel < 0) {
      return false;
    }
    // trayer's panel window, then its children; the tray icon is AWT's embedded frame inside it.
    String after = tree.substring(panel);
    Matcher next = Pattern.compile("\n {5}0x").matcher(after);
    String panelPart = next.find() ? after.substring(0, next.start()) : after;
    return panelPart.contains("JavaEmbeddedFrame");
  }

  private static Path screenshot() throws Exception {
    Path out = Path.of(System.getProperty("usrtask.screenshots", "target/screenshots")).resolve("status.png");
    Files.createDirectories(out.getParent());
    String info = X.run("xwininfo", "-name", "AgentMon");
    Matcher id = Pattern.compile("Window id: (0x[0-9a-f]+)").matcher(info);
    assertTrue(id.find(), info);
    // Mapped is not painted yet: photograph until the window has content, or give the last shot.
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    do {
      Files.deleteIfExists(out);
      X.run("import", "-window", id.group(1), out.toString());
      if (Files.exists(out) && colours(ImageIO.read(out.toFile())) >= 8) {
        break;
      }
      Thread.sleep(200);
    } while (System.nanoTime() - deadline < 0);
    assertTrue(Files.exists(out), "import wrote no screenshot");
    return out;
  }

  private static int colours(BufferedImage img) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        seen.add(img.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
