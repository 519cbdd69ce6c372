package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.Tools;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle scenarios that {@code systemd-socket-activate} can express: it passes the socket
 * once and does not respawn, so it shows the idle exit of a disabled helper and the systemctl
 * restart request (with its fallback where systemd is not PID 1).
 */
class SystemdActivationIT {
  @TempDir
  Path dir;

  @BeforeEach
  void needsTheTool() {
    assumeTrue(Tools.has("systemd-socket-activate"), "systemd-socket-activate is not installed");
  }

  @Test
  void aDisabledHelperAnswersThenIdleExitsZero() throws Exception {
    HelperProcess h = new HelperProcess(dir);
    Files.createDirectories(h.stateDir);
    Files.writeString(h.stateDir.resolve("state-version"), "1\n"); // an existing, stopped installation
    Files.setPosixFilePermissions(h.stateDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    try (h) {
      h.prefix("systemd-socket-activate", "-l", h.socket.toString()).args("--idle-exit", "1");
      h.launch();
      Status s = h.awaitAnswer(Duration.ofSeconds(20));
      assertEquals(RunState.DISABLED, s.state());
      assertEquals("systemd", s.supervisor());
      assertTrue(h.process().waitFor(10, TimeUnit.SECONDS), "idle-exits");
      assertEquals(0, h.process().exitValue());
      assertTrue(h.log().contains("disabled and idle"), h.log());
    }
  }

  @Test
  void restartAsksSystemctlAndExits75WhenSystemdCannotDoIt() throws Exception {
    try (HelperProcess h = new HelperProcess(dir)) {
      h.prefix("systemd-socket-activate", "-l", h.socket.toString());
      h.launch();
      h.awaitAnswer(Duration.ofSeconds(20));
      try (HelperClient c = h.client()) {
        c.restart();
      }
      assertTrue(h.process().waitFor(40, TimeUnit.SECONDS));
      assertEquals(75, h.process().exitValue(), "exit 75: Restart=on-failure starts it again");
      assertTrue(h.log().contains("asking systemd to restart the helper: systemctl restart agentmon.service"),
          h.log());
    }
  }
}
