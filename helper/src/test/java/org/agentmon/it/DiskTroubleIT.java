package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.Mounts;
import org.agentmon.it.fixtures.RawClient;
import org.agentmon.it.fixtures.Tools;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory turns read-only (a read-only bind mount over it) or fills up (a small tmpfs):
 * the helper keeps serving status, reports the problem there, and acknowledges no stop/start it
 * could not persist. Needs root and a kernel that lets us mount; skipped with the reason otherwise.
 */
class DiskTroubleIT {
  static final String STOP = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"stop\"}\n";
  static final String START = "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"start\"}\n";

  @TempDir
  Path dir;

  @BeforeEach
  void needsRoot() {
    assumeTrue(Tools.isRoot(), "mounting a read-only bind or a small tmpfs needs root");
  }

  @Test
  void readOnlyStateDirectoryKeepsServingAndAcknowledgesNothing() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start()) {
      String failed = Mounts.run("mount", "--bind", "-o", "ro", h.stateDir.toString(), h.stateDir.toString());
      assumeTrue(failed == null, failed);
      try {
        assertEquals(ErrorCodes.NOT_PERSISTED, RawClient.errorCode(RawClient.call(h.socket, STOP.trim())));
        Status s = h.status();
        assertEquals(RunState.RUNNING, s.state(), "still serving");
        assertTrue(s.enabled(), "the stop was not made");
        assertNotNull(s.problem(), "the problem is reported in status");
        assertTrue(s.problem().contains("enabled flag"), s.problem());
        assertTrue(Files.exists(h.stateDir.resolve("enabled")));
        assertEquals(ErrorCodes.NOT_PERSISTED, RawClient.errorCode(RawClient.call(h.socket, START.trim())));
        assertTrue(h.process().isAlive());
      } finally {
        Mounts.unmount(h.stateDir);
      }
      try (HelperClient c = h.client()) {
        c.stop();
      }
      assertTrue(HelperProcess.awaitExit(h.process().pid(), Duration.ofSeconds(10)), "writable again: stop works");
      assertFalse(Files.exists(h.stateDir.resolve("enabled")));
    }
  }

  @Test
  void fullStateDirectoryRefusesStartAndRecovers() throws Exception {
    try (HelperProcess h = new HelperProcess(dir)) {
      Path state = h.stateDir;
      Files.createDirectories(state);
      String failed = Mounts.run("mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", state.toString());
      assumeTrue(failed == null, failed);
      try {
        h.start();
        try (HelperClient c = h.client()) {
          c.stop();
        }
        assertTrue(HelperProcess.awaitExit(h.process().pid(), Duration.ofSeconds(10)));
        h.start(); // the same state directory, now disabled
        assertEquals(RunState.DISABLED, h.status().state());
        Path filler = state.resolve("filler");
        fill(filler);
        Map<?, ?> r = RawClient.call(h.socket, START.trim());
        assertEquals(ErrorCodes.NOT_PERSISTED, RawClient.errorCode(r), r.toString());
        Status s = h.status();
        assertFalse(s.enabled(), "the start was not acknowledged, so it was not made");
        assertEquals(RunState.DISABLED, s.state());
        assertNotNull(s.problem(), "the problem is reported in status");
        assertFalse(Files.exists(state.resolve("enabled")));
        assertTrue(h.process().isAlive());
        Files.delete(filler);
        try (HelperClient c = h.client()) {
          c.start();
          assertTrue(c.status().enabled());
          assertNull(c.status().problem(), "the problem clears once a write succeeds");
        }
        assertTrue(Files.exists(state.resolve("enabled")));
      } finally {
        h.close();
        Mounts.unmount(state);
      }
    }
  }

  /** Writes until the file system is full. */
  private static void fill(Path filler) {
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException e) {
      // full
    }
  }
}
