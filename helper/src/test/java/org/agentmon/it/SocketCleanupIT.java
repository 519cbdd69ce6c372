package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10, item 8: whatever way a helper that bound its own socket ends, the socket file goes
 * with it: a signal at any moment of start-up, a failure while recording its end, a state file
 * that breaks start-up, the "restart me" exit 75.
 */
class SocketCleanupIT {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "SIGTERM {0} ms after the socket appeared")
  @ValueSource(ints = {0, 25, 50, 100, 200, 400, 1000})
  void aSignalAtAnyMomentOfStartUpRemovesTheSocket(int afterMillis) throws Exception {
    try (HelperProcess h = new HelperProcess(dir)) {
      Process p = h.launch();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!Files.exists(h.socket, LinkOption.NOFOLLOW_LINKS) && p.isAlive() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertTrue(Files.exists(h.socket, LinkOption.NOFOLLOW_LINKS), "the helper bound its socket:\n" + h.log());
      HelperProcess.pause(afterMillis);
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the helper ends on SIGTERM");
      assertGone(h);
    }
  }

  @Test
  void aFailureWhileRecordingTheEndStillRemovesTheSocket() throws Exception {
    HelperProcess h = new HelperProcess(dir);
    writeState(h, "runs.json", "{\"runs\":[{\"pid\":1,\"startedAt\":1}]}"); // an entry without instanceId
    try (h) {
      h.start();
      h.process().destroy();
      assertTrue(h.process().waitFor(30, TimeUnit.SECONDS));
      assertGone(h);
    }
  }

  @Test
  void aSpoolLineThatBreaksStartUpStillLeavesNoSocket() throws Exception {
    HelperProcess h = new HelperProcess(dir);
    writeState(h, "events.spool", "{\"seq\":99,\"event\":{\"seq\":\"x\",\"type\":\"t\"}}\n");
    try (h) {
      Process p = h.launch();
      // Today such a line may end start-up with an error, or be skipped: either way, once the
      // helper is gone its socket is too.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (p.isAlive() && System.nanoTime() < deadline) {
        try {
          h.awaitAnswer(Duration.ofMillis(500));
          p.destroy();
        } catch (java.io.IOException notYet) {
          // not answering (yet): look again
        }
      }
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertGone(h);
    }
  }

  @Test
  void theRestartExitRemovesTheSocket() throws Exception {
    try (HelperProcess h = new HelperProcess(dir)) {
      // As systemd starts a service (INVOCATION_ID), with a systemctl that fails and records what it
      // was asked: the helper exits 75 for Restart=on-failure to start it again. (launchd's label in
      // XPC_SERVICE_NAME would make it take launchd's socket, not bind its own.)
      Path bin = Files.createDirectories(dir.resolve("bin"));
      Path calls = dir.resolve("systemctl.calls");
      Path systemctl = Files.writeString(bin.resolve("systemctl"),
          "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexit 1\n");
      Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
      ProcessBuilder pb = new ProcessBuilder(h.command()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("process.out").toFile());
      pb.environment().put("INVOCATION_ID", "0123456789abcdef0123456789abcdef");
      pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
      Process p = pb.start();
      h.track(p.pid());
      h.awaitAnswer(Duration.ofSeconds(20));
      Map<?, ?> r = RawClient.call(h.socket, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"restart\"}");
      assertTrue(r.containsKey("result"), r.toString());
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the helper exits for systemd to restart it");
      assertEquals(75, p.exitValue(), h.log());
      assertEquals("restart agentmon.service\n", Files.readString(calls));
      assertGone(h);
    }
  }

  private static void writeState(HelperProcess h, String name, String content) throws Exception {
    Files.createDirectories(h.stateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.writeString(h.stateDir.resolve("state-version"), "1\n");
    Files.writeString(h.stateDir.resolve("enabled"), "1\n");
    Files.writeString(h.stateDir.resolve(name), content);
  }

  private static void assertGone(HelperProcess h) {
    assertTrue(Files.notExists(h.socket, LinkOption.NOFOLLOW_LINKS), "the socket file is gone; log:\n" + h.log());
  }
}
