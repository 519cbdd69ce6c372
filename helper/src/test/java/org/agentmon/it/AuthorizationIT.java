package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client running as another uid is read-only: the helper says so and refuses admin methods. */
class AuthorizationIT {
  static final List<String> NOBODY = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

  @TempDir
  Path dir;

  @BeforeEach
  void needsRootAndSetpriv() throws Exception {
    assumeTrue(Tools.isRoot(), "needs root to run a client as uid 65534");
    assumeTrue(Tools.has("setpriv"), "setpriv (util-linux) is not installed");
    // uid 65534 must be able to reach the socket; access is then decided by credentials.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void anotherUidIsReadOnlyAndGetsPermissionDenied() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start()) {
      Cli.Result st = Cli.run(NOBODY, "status", "--json", "--socket", h.socket.toString());
      assertEquals(0, st.code(), st.out());
      Map<?, ?> caller = (Map<?, ?>) ((Map<?, ?>) Json.parse(st.out().trim())).get("caller");
      assertEquals(65534L, ((Number) caller.get("uid")).longValue());
      assertEquals(false, caller.get("admin"));

      for (String verb : new String[] {"restart", "stop", "start"}) {
        Cli.Result r = Cli.run(NOBODY, verb, "--socket", h.socket.toString());
        assertEquals(4, r.code(), verb + ": " + r.out());
        assertTrue(r.out().contains("permission denied"), r.out());
      }
      Status after = h.status();
      assertEquals(RunState.RUNNING, after.state(), "nothing a read-only caller asked for happened");
      assertTrue(after.enabled());
    }
  }

  @Test
  void theRawProtocolAnswersMinus32001() throws Exception {
    assumeTrue(Tools.has("socat"), "socat is not installed");
    try (HelperProcess h = new HelperProcess(dir).start()) {
      List<String> cmd = new java.util.ArrayList<>(NOBODY);
      cmd.addAll(List.of("socat", "-t2", "-", "UNIX-CONNECT:" + h.socket));
      Process p = new ProcessBuilder(cmd).start();
      p.getOutputStream().write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"stop\"}\n".getBytes());
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      Map<?, ?> err = (Map<?, ?>) ((Map<?, ?>) Json.parse(out)).get("error");
      assertEquals(-32001, ((Number) err.get("code")).intValue(), out);
      assertTrue(h.status().enabled());
    }
  }

  @Test
  void aMemberOfTheAdminGroupIsAnAdministrator() throws Exception {
    long nogroup = gidOf("nogroup");
    assumeTrue(nogroup >= 0, "no 'nogroup' group on this machine");
    // uid 65534 with primary gid 65533 and 'nogroup' only as a supplementary group: the helper sees
    // it through the kernel's view of the peer process.
    try (HelperProcess h = new HelperProcess(dir).args("--admin-group", "nogroup").start()) {
      Cli.Result st = Cli.run(List.of("setpriv", "--reuid=65534", "--regid=65533", "--groups=" + nogroup),
          "status", "--json", "--socket", h.socket.toString());
      assertEquals(0, st.code(), st.out());
      Map<?, ?> caller = (Map<?, ?>) ((Map<?, ?>) Json.parse(st.out().trim())).get("caller");
      assertEquals(true, caller.get("admin"), st.out());
    }
  }

  static long gidOf(String group) throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/etc/group"))) {
      String[] f = line.split(":");
      if (f.length > 2 && f[0].equals(group)) {
        return Long.parseLong(f[2]);
      }
    }
    return -1;
  }
}
