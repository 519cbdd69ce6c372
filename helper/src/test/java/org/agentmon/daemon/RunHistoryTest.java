package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agentmon.files.StateDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
  @TempDir
  Path dir;

  @Test
  void recordsStartsAndEndsAcrossLoads() throws IOException {
    RunHistory h = RunHistory.load(StateDir.open(dir));
    h.started(10, "a", 1_000);
    h.ended("a", 0, "stop", 5_000);
    h.save();
    RunHistory again = RunHistory.load(StateDir.open(dir));
    again.started(11, "b", 9_000);
    assertEquals("stopped (exit 0)", RunHistory.describe(again.previous()));
    assertEquals(2, again.startsSince(0));
    assertEquals(1, again.startsSince(2_000));
  }

  @Test
  void aRunWithoutEndWasKilled() throws IOException {
    RunHistory h = RunHistory.load(StateDir.open(dir));
    h.started(10, "a", 1_000);
    h.started(11, "b", 2_000);
    assertTrue(RunHistory.describe(h.previous()).startsWith("unknown: pid 10"), RunHistory.describe(h.previous()));
  }

  @Test
  void quickCrashesCountOnlyCrashesThatDidNotStayUp() throws IOException {
    RunHistory h = RunHistory.load(StateDir.open(dir));
    h.started(1, "long", 0);                  // crashed after 40 s: stayed up
    h.started(2, "k1", 40_000);               // killed after 1 s
    h.started(3, "r", 41_000);
    h.ended("r", 75, "restart", 42_000);      // an asked-for restart is no crash
    h.started(4, "k2", 43_000);               // killed
    h.started(5, "e", 44_000);
    h.ended("e", 1, "error", 45_000);         // failed
    h.started(6, "now", 46_000);
    assertEquals(3, h.quickCrashesSince(0, 30_000));
    assertEquals(2, h.quickCrashesSince(42_500, 30_000));
  }

  @Test
  void aCorruptFileIsMovedAsideNotFatal() throws IOException {
    Files.writeString(dir.resolve(RunHistory.FILE), "{\"runs\":[{\"pid\":");
    RunHistory h = RunHistory.load(StateDir.open(dir));
    assertNull(h.previous());
    try (var s = Files.list(dir)) {
      assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("runs.json.corrupt-")).count());
    }
    h.started(1, "a", 1);
    h.save();
    assertTrue(Files.readString(dir.resolve(RunHistory.FILE)).contains("\"instanceId\":\"a\""));
  }

  @Test
  void entriesThatLackAFieldAreDroppedAndTheRestKept() throws IOException {
    Files.writeString(dir.resolve(RunHistory.FILE), "{\"runs\":["
        + "{\"pid\":1,\"startedAt\":1},"                                         // no instanceId: once an NPE at SIGTERM
        + "{\"pid\":2,\"instanceId\":\"b\",\"startedAt\":2,\"endedAt\":3,\"exit\":0,\"how\":\"stop\"},"
        + "{\"pid\":\"3\",\"instanceId\":\"c\",\"startedAt\":3},"
        + "{\"pid\":4,\"instanceId\":\"d\",\"startedAt\":4,\"endedAt\":5},"  // an end without its exit status
        + "{\"pid\":5,\"instanceId\":7,\"startedAt\":5},"
        + "\"x\",null]}");
    RunHistory h = RunHistory.load(StateDir.open(dir));
    assertEquals(1, h.startsSince(0), "only the complete entry is kept");
    h.started(10, "now", 10);
    assertEquals("stopped (exit 0)", RunHistory.describe(h.previous()));
    h.ended("now", 0, "signal", 20);
    h.save();
    RunHistory again = RunHistory.load(StateDir.open(dir));
    again.started(11, "next", 30);
    assertEquals("terminated by a signal (exit 0)", RunHistory.describe(again.previous()));
    assertEquals(0, again.quickCrashesSince(0, 30_000));
  }

  @Test
  void theHistoryIsBounded() throws IOException {
    RunHistory h = RunHistory.load(StateDir.open(dir));
    for (int i = 0; i < 500; i++) {
      h.started(i, "i" + i, i);
    }
    h.save();
    assertEquals(RunHistory.MAX_RUNS, RunHistory.load(StateDir.open(dir)).startsSince(0));
    assertTrue(Files.size(dir.resolve(RunHistory.FILE)) < 16 * 1024);
  }
}
