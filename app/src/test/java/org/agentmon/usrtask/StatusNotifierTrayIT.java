package org.agentmon.usrtask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentmon.usrtask.single.InstanceLock;
import org.agentmon.usrtask.testing.AppProcess;
import org.agentmon.usrtask.testing.DesktopSession;
import org.agentmon.usrtask.testing.Eventually;
import org.agentmon.usrtask.testing.Gtk3;
import org.agentmon.usrtask.testing.HelperProcess;
import org.agentmon.usrtask.testing.XServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a desktop whose panel hosts StatusNotifierItems (GNOME with AppIndicator, KDE Plasma),
 * AgentMon registers one: a real session bus, a StatusNotifierWatcher (sni_watcher.py, reading
 * the item back over D-Bus as a panel does), {@code java -jar usrtask.jar} and a real helper. The
 * watcher sees the title, an active status, an icon file in the user's private runtime directory
 * and the menu whose first, disabled line is the header's sentence; clicking Open AgentMon… opens
 * the window; no XEmbed icon is added.
 */
class StatusNotifierTrayIT {
  @RegisterExtension static final XServer X = new XServer();
  private static final Duration LONG = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void watcherSeesAgentMonsItemAndItsMenu() throws Exception {
    Gtk3.assumeInstalled();
    Assumptions.assumeTrue(runs("sh", "-c", "command -v dbus-daemon && command -v dbus-send"),
        "no D-Bus tools (apt-get install dbus-daemon dbus-bin)");
    Assumptions.assumeTrue(runs("/usr/bin/python3", "-c", "import dbus, gi.repository.GLib"),
        "no python3 D-Bus bindings (apt-get install python3-dbus python3-gi)");
    Assumptions.assumeTrue(runs("sh", "-c", "ldconfig -p | grep -q libayatana-appindicator3.so.1"),
        "libayatana-appindicator3 is not installed (apt-get install libayatana-appindicator3-1)");
    Path jar = DesktopSession.jar();
    Files.createDirectories(dir.resolve("helper"));
    Map<String, String> env = DesktopSession.env(dir, X);
    Path runtime = DesktopSession.runtime(dir);
    Path script = dir.resolve("sni_watcher.py");
    try (InputStream in = StatusNotifierTrayIT.class.getResourceAsStream("sni_watcher.py")) {
      Files.copy(in, script);
    }

    Process bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
      assertTrue(address != null && address.startsWith("unix:"), "the session bus prints its address: " + address);
      env.put("DBUS_SESSION_BUS_ADDRESS", address);
      try (AppProcess watcher = AppProcess.start(dir.resolve("watcher.out"), env,
              List.of("/usr/bin/python3", script.toString(), "Open AgentMon…"));
          HelperProcess helper = new HelperProcess(dir.resolve("helper"), List.of())) {
        Eventually.await(LONG, "the watcher owns its name", () -> watcher.output().contains("WATCHER READY"),
            watcher::output);
        helper.start();
        try (AppProcess app = AppProcess.start(jar, dir.resolve("app.out"), env, "--socket",
            helper.socket().toString())) {
          Eventually.await(LONG, "AgentMon registers its item", () -> watcher.output().contains("REGISTERED"),
              () -> watcher.output() + "\n--- app:\n" + app.output());
          // The first menu line: disabled, the header's sentence; then the order.
          Eventually.await(LONG, "the item's menu starts with the header's sentence", () -> watcher.output().contains(
              "MENU (AgentMon is running · No server configured) | - | Open AgentMon… | Restart AgentMon | "
                  + "Stop AgentMon | - | Start at Login | Relaunch | Quit AgentMon"),
              () -> watcher.output() + "\n--- app:\n" + app.output());
          Matcher item = Pattern.compile("ITEM title=(.*) status=(\\S+) icon=(\\S+)").matcher(watcher.output());
          assertTrue(item.find(), watcher.output());
          assertEquals("AgentMon", item.group(1));
          assertEquals("Active", item.group(2));
          Path icon = Path.of(item.group(3));
          assertTrue(icon.startsWith(runtime.resolve("agentmon-tray")), "icon files stay private: " + icon);
          assertTrue(Files.isRegularFile(icon), "the icon file exists: " + icon);

          Eventually.await(LONG, "Open AgentMon… from the item's menu opens the window",
              () -> watcher.output().contains("CLICKED Open AgentMon…") && app.output().contains("status window shown"),
              () -> watcher.output() + "\n--- app:\n" + app.output());
          System.out.println("watcher:\n" + watcher.output() + "\napp:\n" + app.output());
          assertTrue(app.output().contains("tray icon added"), app.output());
          assertFalse(X.tree().contains("JavaEmbeddedFrame"), "no AWT XEmbed icon besides the item:\n" + X.tree());

          assertTrue(InstanceLock.send(runtime.resolve("agentmon-usrtask/usrtask.sock"), InstanceLock.QUIT),
              "AgentMon holds the lock");
          assertTrue(app.process().waitFor(30, TimeUnit.SECONDS), "Quit exits AgentMon");
          assertEquals(0, app.process().exitValue(), app.output());
        }
      }
    } finally {
      bus.destroyForcibly();
    }
  }

  private static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
