package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.agentmon.it.fixtures.Cli;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.OtherUids;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client running as another uid is read-only: the helper says so and refuses admin methods. */
class AuthorizationIT {
  @TempDir
  Path dir;

  @BeforeEach
  void asAnotherUid() throws Exception {
    OtherUids.prepare(dir);
  }

  @Test
  void anotherUidIsReadOnlyAndGetsPermissionDenied() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start()) {
      Cli.Result st = Cli.run(OtherUids.NOBODY, "status", "--json", "--socket", h.socket.toString());
      assertEquals(0, st.code(), st.out());
      Map<?, ?> caller = (Map<?, ?>) ((Map<?, ?>) Json.parse(st.out().trim())).get("caller");
      assertEquals(65534L, ((Number) caller.get("uid")).longValue());
      assertEquals(false, caller.get("admin"));

      for (String verb : new String[] {"restart", "stop", "start"}) {
        Cli.Result r = Cli.run(OtherUids.NOBODY, verb, "--socket", h.socket.toString());
        assertEquals(4, r.code(), verb + ": " + r.out());
        assertTrue(r.out().contains("permission denied"), r.out());
      }
      Status after = h.status();
      assertEquals(RunState.RUNNING, after.state(), "nothing a read-only caller asked for happened");
      assertTrue(after.enabled());
    }
  }

  @Test
  void aMemberOfTheAdminGroupIsAnAdministrator() throws Exception {
    long nogroup = OtherUids.gidOf("nogroup");
    // uid 65534 with primary gid 65533 and 'nogroup' only as a supplementary group: the helper sees
    // it through the kernel's view of the peer process.
    try (HelperProcess h = new HelperProcess(dir).args("--admin-group", "nogroup").start()) {
      Cli.Result st = Cli.run(OtherUids.as(65534, 65533, nogroup), "status", "--json", "--socket", h.socket.toString());
      assertEquals(0, st.code(), st.out());
      Map<?, ?> caller = (Map<?, ?>) ((Map<?, ?>) Json.parse(st.out().trim())).get("caller");
      assertEquals(true, caller.get("admin"), st.out());
    }
  }
}
