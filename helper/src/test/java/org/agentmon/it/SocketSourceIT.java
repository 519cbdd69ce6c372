package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.RawClient;
import org.agentmon.it.fixtures.Tools;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar takes its socket from systemd, from stdin (launchd style), or binds its own. */
class SocketSourceIT {
  @TempDir
  Path dir;

  @Test
  void underSystemdSocketActivationItReportsSystemd() throws IOException {
    assumeTrue(Tools.has("systemd-socket-activate"), "systemd-socket-activate is not installed");
    try (HelperProcess h = new HelperProcess(dir)) {
      h.prefix("systemd-socket-activate", "-l", h.socket.toString());
      h.launch();
      Status s = h.awaitAnswer(Duration.ofSeconds(20));
      assertEquals("systemd", s.socketSource());
      assertEquals("systemd", s.supervisor());
      assertEquals(h.process().pid(), s.pid(), "systemd-socket-activate execs the helper in its own process");
    }
  }

  @Test
  void withTheListeningSocketOnStdinItReportsInherited() throws IOException {
    assumeTrue(Tools.has("systemd-socket-activate"), "systemd-socket-activate is not installed");
    try (HelperProcess h = new HelperProcess(dir)) {
      h.prefix("systemd-socket-activate", "--inetd", "-l", h.socket.toString());
      h.launch();
      Status s = h.awaitAnswer(Duration.ofSeconds(20));
      assertEquals("inherited", s.socketSource());
      assertEquals(RunState.RUNNING, s.state());
      // stdout is the socket: nothing the helper logs may land there, so the answer is clean JSON.
      assertEquals("running", RawClient.result(RawClient.call(h.socket,
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}")).get("state"));
      assertTrue(h.log().contains("serving on a inherited socket") || h.log().contains("inherited"), h.log());
    }
  }

  @Test
  void withNoSupervisorItBindsItsOwnSocketMode0666() throws IOException {
    try (HelperProcess h = new HelperProcess(dir).start()) {
      Status s = h.status();
      assertEquals("bound", s.socketSource());
      assertEquals("none", s.supervisor());
      assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(h.socket)));
    }
  }
}
