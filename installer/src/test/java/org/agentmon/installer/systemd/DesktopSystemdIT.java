package org.agentmon.installer.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.agentmon.protocol.Json;
import org.junit.jupiter.api.Test;

/**
 * Both packages on a desktop: apt fetches the GTK and X11 libraries the desktop package declares,
 * the AgentMon app's own runtime starts and follows the installed helper, the autostart entry is
 * in place for doctor, and {@code apt purge 'agentmon*'} takes both packages and the entry away.
 */
class DesktopSystemdIT {
  @Test
  void desktopPackageInstallsWithItsLibrariesRunsAndPurgesClean() throws Exception {
    try (Machine m = Machine.boot(Packages.dir(), BootedMachine.LOGS)) {
      m.ok("apt-get update -qq 2>&1"); // the cached lists may be older than Debian's mirrors
      String apt = m.ok("cd " + Machine.PACKAGES + " && sudo apt install -y ./" + Packages.file(Packages.HELPER)
          + " ./" + Packages.file(Packages.DESKTOP) + " 2>&1");
      assertTrue(apt.contains("Setting up agentmon-desktop (") && apt.contains("Setting up libgtk-3-0"), apt);

      // The app image's launcher and runtime work; with no display it follows the helper in text.
      String usrtask = "/opt/agentmon/desktop/bin/usrtask";
      m.ok(usrtask + " > /tmp/usrtask.log 2>&1 & echo $! > /tmp/usrtask.pid");
      try {
        Installed.await(m, "the app's status line", Duration.ofSeconds(60),
            "grep -F 'AgentMon is running · No server configured' /tmp/usrtask.log || { cat /tmp/usrtask.log; false; }");
      } finally {
        m.sh("kill $(cat /tmp/usrtask.pid)");
      }

      String doctor = m.ok("agentmon-installer doctor --json");
      Map<?, ?> loginItem = ((List<?>) Json.parse(doctor.trim())).stream().map(o -> (Map<?, ?>) o)
          .filter(c -> "login-item".equals(c.get("name"))).findFirst().orElseThrow();
      assertEquals("PASS", loginItem.get("verdict"), doctor);
      assertTrue(String.valueOf(loginItem.get("message")).contains("starts UsrTask at login"), doctor);

      m.ok("sudo apt purge -y 'agentmon*' 2>&1");
      // The app's own per-user files (its instance lock under ~/.cache/agentmon) are the user's:
      // like every Debian package, purge leaves home directories alone. Everything else must go.
      String outsideHomes =
          PurgeSystemdIT.LEFTOVERS.replace("-path /proc", "-path /proc -o -path /root -o -path /home");
      assertEquals("", m.ok(outsideHomes).trim(), "left behind after purge");
      assertEquals("/root/.cache/agentmon", m.ok("find /root -iname '*agentmon*' -prune -print").trim(),
          "only the app's per-user cache is in the user's home");
    }
  }
}
