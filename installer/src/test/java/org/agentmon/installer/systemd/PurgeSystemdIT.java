package org.agentmon.installer.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code apt purge 'agentmon*'} leaves no unit, file, socket, state or process behind. */
class PurgeSystemdIT {
  /** Every path on the machine's own file systems with "agentmon" in its name, but our package mount. */
  static final String LEFTOVERS = "find / -xdev \\( -path /proc -o -path " + Machine.PACKAGES + " \\) -prune"
      + " -o -iname '*agentmon*' -print; find /run -xdev -iname '*agentmon*' -print";

  @Test
  void purgeLeavesNothing() throws Exception {
    try (Machine m = Installed.machine(Path.of("target/systemd-machines"))) {
      m.ok("agentmon status >/dev/null"); // installed and running: state, socket, process all exist
      m.ok("test -S /run/agentmon/agentmon.sock && test -d /var/lib/agentmon && test -f " + Installed.LAYOUT.cdsArchive());
      m.ok("sudo apt purge -y 'agentmon*' 2>&1");
      assertEquals("", m.ok(LEFTOVERS).trim(), "left behind after purge");
      assertEquals("", m.ok("pgrep -a -f '^/opt/agentmon/' || true").trim(), "processes left");
      assertEquals("", m.ok("systemctl list-units --all --plain --no-legend 'agentmon*'").trim(), "units left");
      assertEquals("", m.ok("systemctl list-unit-files --plain --no-legend 'agentmon*' || true").trim(), "unit files left");
      assertEquals("", m.ok("dpkg -l 'agentmon*' 2>/dev/null | grep '^[a-z][a-z] ' || true").trim(),
          "dpkg records left");
    }
  }
}
