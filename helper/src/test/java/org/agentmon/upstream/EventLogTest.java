package org.agentmon.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {
  @TempDir
  Path dir;

  @Test
  void recordedEventsSurviveAReopenInOrderUntilAcknowledged() throws IOException {
    EventLog log = EventLog.open(dir, 1 << 20);
    for (int i = 0; i < 5; i++) {
      log.record("test.event", Map.of("n", i));
    }
    Batch b = log.oldest(3);
    assertEquals(3, b.events().size());
    log.acknowledge(b.throughSeq());

    EventLog again = EventLog.open(dir, 1 << 20);
    assertEquals(2, again.depth());
    assertEquals(List.of(3, 4), again.oldest(10).events().stream().map(e -> ((Number) e.get("n")).intValue())
        .toList());
    assertEquals(5, again.recent(100).size(), "the event log keeps delivered events too");
    assertTrue((Boolean) again.recent(100).get(0).get("delivered"));
    assertFalse((Boolean) again.recent(100).get(4).get("delivered"));
  }

  @Test
  void aTornLastLineIsCutOffAndTheEventLogStaysUsable() throws IOException {
    EventLog log = EventLog.open(dir, 1 << 20);
    log.record("a", Map.of());
    Files.write(dir.resolve(EventLog.FILE), "{\"seq\":2,\"event\":{\"id\":\"x".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND); // kill -9 in the middle of a write
    EventLog again = EventLog.open(dir, 1 << 20);
    assertEquals(1, again.depth());
    again.record("b", Map.of());
    assertEquals(List.of("a", "b"), EventLog.open(dir, 1 << 20).oldest(10).events().stream()
        .map(e -> e.get("type")).toList());
  }

  @Test
  void aFullEventLogDropsTheOldestCountsThemAndSaysSo() throws IOException {
    EventLog log = EventLog.open(dir, 4096);
    for (int i = 0; i < 100; i++) {
      log.record("test.event", Map.of("n", i, "pad", "x".repeat(50)));
    }
    assertTrue(log.dropped() > 0);
    assertEquals(100 + notices(log), log.depth() + log.dropped());
    List<Map<String, Object>> pending = log.oldest(1000).events();
    assertEquals(99, pending.stream().filter(e -> "test.event".equals(e.get("type")))
        .mapToInt(e -> ((Number) e.get("n")).intValue()).max().orElse(-1), "the newest is kept");
    assertTrue(pending.stream().anyMatch(e -> "spool.dropped".equals(e.get("type"))));
    EventLog again = EventLog.open(dir, 4096);
    assertEquals(log.dropped(), again.dropped(), "the count is durable");
    assertEquals(log.depth(), again.depth());
  }

  @Test
  void deliveredEventsAreCompactedAway() throws IOException {
    EventLog log = EventLog.open(dir, 1 << 20);
    String pad = "y".repeat(20_000);
    for (int i = 0; i < 120; i++) {
      log.record("test.event", Map.of("n", i, "pad", pad));
      if (i % 10 == 9) {
        log.acknowledge(log.oldest(10).throughSeq());
      }
    }
    log.record("last", Map.of());
    long size = Files.size(dir.resolve(EventLog.FILE));
    assertTrue(size < 1_500_000, "compacted: 2.4 MB were written, " + size + " bytes remain");
    EventLog again = EventLog.open(dir, 1 << 20);
    assertEquals(1, again.depth());
    assertEquals("last", again.oldest(1).events().get(0).get("type"));
    assertEquals(0, again.dropped());
  }

  @Test
  void aFailedAppendIsRefusedAndCutBackSoTheNextLineIsNotGlued() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "needs prlimit (util-linux) to limit the file size");
    Path spool = dir.resolve(EventLog.FILE);
    EventLog log = EventLog.open(dir, 1 << 20);
    log.record("a", Map.of());
    long size = Files.size(spool);
    limitFileSize(Long.toString(size + 10)); // the next line gets 10 bytes in, then "File too large"
    try {
      assertThrows(IOException.class, () -> log.recordDurably("b", Map.of("pad", "x".repeat(100))));
      assertEquals(size, Files.size(spool), "the partial line is cut back at once");
      assertNull(log.record("c", Map.of()), "not written, so not recorded");
      assertEquals(1, log.depth());
      assertEquals(List.of("a"), log.recent(10).stream().map(e -> e.get("type")).toList());
    } finally {
      limitFileSize("unlimited");
    }
    log.recordDurably("d", Map.of());
    EventLog again = EventLog.open(dir, 1 << 20);
    assertEquals(0, again.skippedLines(), "no line was glued to a partial one");
    assertEquals(List.of("a", "d"), again.oldest(10).events().stream().map(e -> e.get("type")).toList());
    assertEquals(List.of(1L, 2L), again.recent(10).stream().map(e -> ((Number) e.get("seq")).longValue()).toList(),
        "a refused event takes no sequence number");
  }

  @Test
  void linesThatDoNotFitAreSkippedAndCountedNeverFatal() throws IOException {
    EventLog log = EventLog.open(dir, 1 << 20);
    log.record("a", Map.of());
    Files.writeString(dir.resolve(EventLog.FILE), String.join("\n",
        "{\"seq\":99,\"event\":{\"seq\":\"x\",\"type\":\"t\"}}",
        "{\"acked\":\"all\",\"dropped\":0}",
        "[]",
        "{\"seq\":1,\"event\":{\"id\":\"i\",\"time\":\"t\",\"type\":\"out-of-order\"}}",
        "not json", ""), StandardOpenOption.APPEND);
    EventLog again = EventLog.open(dir, 1 << 20);
    assertEquals(5, again.skippedLines());
    assertEquals(1, again.depth());
    again.record("b", Map.of());
    assertEquals(List.of("a", "b"), again.recent(10).stream().map(e -> e.get("type")).toList());
    assertEquals(List.of(false, false), again.recent(10).stream().map(e -> e.get("delivered")).toList());
    assertEquals(5, EventLog.open(dir, 1 << 20).skippedLines(), "skipped, not rewritten: the lines stay for a look");
  }

  @Test
  void aLineGluedToAPartialOneIsReadBack() throws IOException {
    EventLog log = EventLog.open(dir, 1 << 20);
    log.record("a", Map.of());
    // What an older helper left after a failed append: the next line glued to the partial one.
    Files.writeString(dir.resolve(EventLog.FILE), "{\"seq\":2,\"event\":{\"id\":\"x\",\"nested\":{\"seq\":1"
        + "{\"seq\":3,\"event\":{\"id\":\"i\",\"time\":\"t\",\"type\":\"glued\"}}\n",
        StandardOpenOption.APPEND);
    EventLog again = EventLog.open(dir, 1 << 20);
    assertEquals(1, again.skippedLines(), "the partial line");
    assertEquals(List.of("a", "glued"), again.oldest(10).events().stream().map(e -> e.get("type")).toList());
    again.record("b", Map.of());
    assertEquals(List.of(1L, 3L, 4L), again.recent(10).stream().map(e -> ((Number) e.get("seq")).longValue()).toList());
  }

  @Test
  void anEventWithAFieldEventsReservesIsRefusedBeforeWriting() throws IOException {
    EventLog log = EventLog.open(dir, 1 << 20);
    assertThrows(IllegalArgumentException.class, () -> log.record("a", Map.of("seq", 1)));
    assertEquals(0, Files.size(dir.resolve(EventLog.FILE)));
  }

  private static void limitFileSize(String soft) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("prlimit", "--pid", Long.toString(ProcessHandle.current().pid()),
        "--fsize=" + soft + ":unlimited").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "prlimit: " + out);
  }

  private static long notices(EventLog log) {
    return log.recent(1000).stream().filter(e -> "spool.dropped".equals(e.get("type"))).count();
  }
}
