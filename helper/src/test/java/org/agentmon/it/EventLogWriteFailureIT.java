package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.RawClient;
import org.agentmon.it.fixtures.Tools;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event log cannot grow (its file size is limited under the running helper with {@code
 * prlimit}): admin actions are refused with -32004 and not made, instead of acknowledged while the
 * event was lost; once it can grow again, every acknowledged action is in the event log, each on its
 * own line. An action that was recorded but whose enabled flag cannot be written is refused too,
 * and the event log says so.
 */
class EventLogWriteFailureIT {
  private static final String START = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"start\"}";
  private static final String STOP = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"stop\"}";
  private static final String RESTART = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"restart\"}";

  @TempDir
  Path dir;

  @Test
  void actionsWhoseEventCannotBeWrittenAreRefusedAndNoneAcknowledgedIsLost() throws Exception {
    assumeTrue(Tools.has("prlimit"), "needs prlimit (util-linux) to limit the helper's file size");
    try (HelperProcess h = new HelperProcess(dir).start()) {
      int starts = 0;
      int stops = 0;
      assertEquals(0, call(h, STOP), "stop from running");
      stops++;
      assertTrue(HelperProcess.awaitExit(h.process().pid(), Duration.ofSeconds(10)));
      h.start();
      assertEquals(RunState.DISABLED, h.status().state());
      long pid = h.status().pid();
      Path spool = h.stateDir.resolve("events.spool");
      Path flag = h.stateDir.resolve("enabled");

      long size = Files.size(spool);
      prlimit(pid, Long.toString(size + 10)); // the next line gets 10 bytes in, then "File too large"
      try {
        for (int i = 0; i < 5; i++) {
          assertEquals(ErrorCodes.NOT_PERSISTED, call(h, START), "start " + i + " cannot be recorded");
        }
        Status s = h.status();
        assertFalse(s.enabled(), "a refused start is not made");
        assertEquals(RunState.DISABLED, s.state());
        assertTrue(s.problem() != null && s.problem().contains("event log"), String.valueOf(s.problem()));
        assertFalse(Files.exists(flag), "the flag on disk is unchanged");
        assertEquals(size, Files.size(spool), "what the failed appends wrote was cut back");
      } finally {
        prlimit(pid, "unlimited");
      }
      for (int i = 0; i < 3; i++) {
        assertEquals(0, call(h, START), "start " + i + " after the limit is lifted");
        starts++;
      }
      assertTrue(h.status().enabled());
      assertTrue(Files.exists(flag));

      size = Files.size(spool);
      prlimit(pid, Long.toString(size + 10));
      try {
        assertEquals(ErrorCodes.NOT_PERSISTED, call(h, STOP));
        assertEquals(ErrorCodes.NOT_PERSISTED, call(h, RESTART));
        assertEquals(pid, h.status().pid(), "neither a refused stop nor a refused restart ends the helper");
        assertTrue(h.status().enabled());
        assertTrue(Files.exists(flag), "the flag on disk is unchanged");
        assertEquals(size, Files.size(spool), "what the failed appends wrote was cut back");
      } finally {
        prlimit(pid, "unlimited");
      }
      assertEquals(0, call(h, START));
      starts++;
      assertEquals(0, call(h, STOP));
      stops++;
      assertTrue(HelperProcess.awaitExit(pid, Duration.ofSeconds(10)));
      assertFalse(Files.exists(flag));

      List<Map<?, ?>> events = eventsIn(spool);
      assertEquals(starts, events.stream().filter(e -> "helper.enabled".equals(e.get("type"))).count(),
          "every acknowledged start is in the event log, no refused one");
      assertEquals(stops, events.stream().filter(e -> "helper.stopped".equals(e.get("type"))
          && e.containsKey("uid")).count(), "every acknowledged stop is in the event log");
      assertEquals(0, events.stream().filter(e -> "helper.restart-requested".equals(e.get("type"))).count());
    }
  }

  @Test
  void anActionRecordedButNotMadeIsRefusedAndTheEventLogSaysSo() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start()) {
      Path flag = h.stateDir.resolve("enabled");
      Files.delete(flag);
      Files.createDirectories(flag.resolve("in-the-way")); // the flag cannot be cleared now
      assertEquals(ErrorCodes.NOT_PERSISTED, call(h, STOP));
      assertTrue(h.process().isAlive(), "a refused stop is not made");
      Map<?, ?> shown = RawClient.result(RawClient.call(h.socket,
          "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"events\",\"params\":{\"limit\":2}}"));
      List<?> last = (List<?>) shown.get("events");
      assertEquals("helper.stopped", ((Map<?, ?>) last.get(0)).get("type"));
      Map<?, ?> failed = (Map<?, ?>) last.get(1);
      assertEquals("helper.change-failed", failed.get("type"), shown.toString());
      assertEquals("stop", failed.get("action"));
      assertTrue(String.valueOf(failed.get("error")).contains("enabled flag"), failed.toString());
    }
  }

  /** @return 0 for a result, else the error code */
  private static int call(HelperProcess h, String request) throws IOException {
    Map<?, ?> r = RawClient.call(h.socket, request);
    return r.containsKey("result") ? 0 : RawClient.errorCode(r);
  }

  /** Every line of the event log must be one whole JSON object, with rising sequence numbers. */
  private static List<Map<?, ?>> eventsIn(Path spool) throws IOException {
    List<String> lines = Files.readAllLines(spool, StandardCharsets.UTF_8);
    long last = 0;
    List<Map<?, ?>> events = new java.util.ArrayList<>();
    for (String line : lines) {
      Map<?, ?> m = assertInstanceOf(Map.class, Json.parse(line), line);
      if (m.containsKey("seq")) {
        long seq = ((Number) m.get("seq")).longValue();
        assertTrue(seq > last, "rising sequence numbers: " + seq + " after " + last);
        last = seq;
        events.add((Map<?, ?>) m.get("event"));
      }
    }
    return events;
  }

  private static void prlimit(long pid, String fsize) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), "--fsize=" + fsize + ":unlimited")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "prlimit: " + out);
  }
}
