package org.agentmon.installer.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.agentmon.client.HelperClient;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apt install} of the next package revision over a running helper while a client keeps
 * asking: nobody is refused, the state and the event trail survive, the new build answers, and
 * it starts from a CDS archive made again for the new jar.
 */
class UpgradeSystemdIT {
  @TempDir Path tmp;

  @Test
  void upgradeKeepsStateAndEventsAndRefusesNoClient() throws Exception {
    String newBuild = "upgrade-" + System.currentTimeMillis();
    Path deb = Packages.nextRevision(tmp, newBuild);
    try (Machine m = Installed.machine(Path.of("target/systemd-machines"))) {
      m.ok("agentmon restart"); // something in the event trail, and a run history
      Installed.await(m, "the restarted helper", Duration.ofSeconds(60), "agentmon status >/dev/null");
      Path socket = Installed.socket(m);
      Status before;
      List<Object> eventsBefore;
      try (HelperClient c = HelperClient.connect(socket)) {
        before = c.status();
        eventsBefore = c.events(1000, null).stream().map(e -> e.get("id")).collect(Collectors.toList());
      }
      assertFalse(eventsBefore.isEmpty(), "the restart should have left events");
      assertNotEquals(newBuild, before.buildId());

      Files.copy(deb, m.hostPath("/root/" + deb.getFileName()));
      Status after;
      try (StatusLoop loop = StatusLoop.start(socket)) {
        m.ok("cd /root && apt install -y ./" + deb.getFileName() + " 2>&1");
        after = loop.await("the new build", st -> newBuild.equals(st.buildId()), Duration.ofSeconds(120));
        loop.close();
        assertEquals(java.util.List.of(), loop.refusals(), "clients refused during the upgrade");
        // A request in flight when the old helper is told to stop may be dropped (see the report);
        // before and after that switch nothing may fail.
        assertEquals(java.util.List.of(), loop.failuresOutsideTheSwitch(before.pid()),
            "failures outside the switch; all: " + loop.failures());
      }
      assertNotEquals(before.pid(), after.pid(), "the new build runs in a new process");
      assertEquals("running", after.state());
      assertTrue(after.enabled());
      try (HelperClient c = HelperClient.connect(socket)) {
        List<Object> eventsAfter = c.events(1000, null).stream().map(e -> e.get("id"))
            .collect(Collectors.toList());
        assertTrue(eventsAfter.containsAll(eventsBefore),
            "events kept: before " + eventsBefore + ", after " + eventsAfter);
        Status s = c.status();
        String lastExit = String.valueOf(s.lastExit());
        assertTrue(lastExit.contains("restarted") || lastExit.contains("signal"),
            "the run history knows how the old helper ended: " + lastExit);
      }
      // postinst made the CDS archive again for the new jar: the new helper maps it, and the CLI
      // starts from it under -Xshare:on (which refuses an archive made for another jar).
      m.ok("grep -qF " + Installed.LAYOUT.cdsArchive() + " /proc/" + after.pid() + "/maps");
      m.ok("_JAVA_OPTIONS=-Xshare:on agentmon --version 2>&1");
      String version = m.ok("dpkg-query -W -f='${Version}' agentmon").trim();
      assertTrue(deb.getFileName().toString().contains("_" + version + "_"), version);
      Map<?, ?> json = Installed.status(m);
      assertEquals(newBuild, json.get("buildId"), json.toString());
    }
  }
}
