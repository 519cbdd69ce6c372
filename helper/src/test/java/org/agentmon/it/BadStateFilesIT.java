package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.RawClient;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State files a bad disk, an old version or a careless admin left never stop a start or an exit:
 * a spool line of the wrong shape, a run history entry without a field, a lost {@code
 * state-version}.
 */
class BadStateFilesIT {
  private static final String EVENTS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"events\",\"params\":{\"limit\":100}}";

  @TempDir
  Path dir;

  @Test
  void spoolLinesOfTheWrongShapeAreSkippedAlsoInSafeMode() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).args("--crash-loop-starts", "1").start()) {
      sigterm(h);
      Files.writeString(h.stateDir.resolve("events.spool"), "{\"seq\":99,\"event\":{\"seq\":\"x\",\"type\":\"t\"}}\n"
          + "{\"acked\":[],\"dropped\":0}\n", StandardOpenOption.APPEND);

      h.start();
      assertEquals(RunState.RUNNING, h.status().state());
      Map<?, ?> shown = RawClient.result(RawClient.call(h.socket, EVENTS));
      assertEquals(2, ((Number) shown.get("skippedLines")).intValue(), shown.toString());
      assertEquals("helper.started", last(shown).get("type"));
      assertTrue(h.log().contains("skipping the line at byte"), "the skip is logged");

      long pid = h.status().pid();
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // a quick crash: the next start is in safe mode
      assertTrue(HelperProcess.awaitExit(pid, Duration.ofSeconds(10)));
      h.start();
      assertEquals(RunState.SAFE_MODE, h.status().state());
      shown = RawClient.result(RawClient.call(h.socket, EVENTS));
      assertEquals(2, ((Number) shown.get("skippedLines")).intValue(), shown.toString());
      assertEquals("helper.safe-mode", last(shown).get("type"));
    }
  }

  @Test
  void aRunHistoryEntryWithoutAFieldDoesNotStopTheExitNorLookLikeACrash() throws Exception {
    try (HelperProcess h = new HelperProcess(dir)) {
      Files.createDirectories(h.stateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.writeString(h.stateDir.resolve("state-version"), "1\n");
      Files.writeString(h.stateDir.resolve("enabled"), "1\n");
      Files.writeString(h.stateDir.resolve("runs.json"), "{\"runs\":[{\"pid\":1,\"startedAt\":1}]}");
      h.start();
      assertEquals(RunState.RUNNING, h.status().state());
      sigterm(h);
      assertEquals(0, h.process().exitValue(), h.log());
      assertFalse(Files.exists(h.socket), "the exit ran to its end: the socket file is removed");
      assertFalse(h.log().contains("NullPointerException"), h.log());

      h.start();
      Status s = h.status();
      assertNotNull(s.lastExit());
      assertEquals("terminated by a signal (exit 0)", s.lastExit(), "not reported as a crash");
      assertTrue(h.log().contains("entries dropped because a field is missing or of the wrong type: 1"),
          "the dropped entry is logged");
    }
  }

  @Test
  void aLostOrUnknownStateVersionKeepsAStoppedHelperStopped() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start()) {
      try (HelperClient c = h.client()) {
        c.stop();
      }
      assertTrue(h.process().waitFor(10, TimeUnit.SECONDS));
      Path marker = h.stateDir.resolve("state-version");
      for (String bad : new String[] {null, "", "x\n", "2\n"}) {
        if (bad == null) {
          Files.delete(marker);
        } else {
          Files.writeString(marker, bad, StandardCharsets.US_ASCII);
        }
        h.start();
        Status s = h.status();
        assertEquals(RunState.DISABLED, s.state(), "with state-version " + (bad == null ? "deleted" : "'" + bad.trim() + "'"));
        assertFalse(s.enabled());
        assertFalse(Files.exists(h.stateDir.resolve("enabled")));
        sigterm(h);
      }
    }
  }

  private static Map<?, ?> last(Map<?, ?> shown) {
    List<?> events = (List<?>) shown.get("events");
    return (Map<?, ?>) events.get(events.size() - 1);
  }

  /** SIGTERM the current helper and wait for its exit. */
  private static void sigterm(HelperProcess h) throws InterruptedException {
    h.process().destroy();
    assertTrue(h.process().waitFor(10, TimeUnit.SECONDS), "exits after SIGTERM");
  }
}
