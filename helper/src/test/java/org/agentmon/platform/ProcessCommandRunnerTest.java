package org.agentmon.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one process runner, with real processes: merged output, a bound on it, and a deadline. */
class ProcessCommandRunnerTest {
  private final ProcessCommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(20));

  @Test
  void exitCodeAndMergedOutput() throws IOException {
    CommandResult r = runner.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"));
    assertEquals(3, r.exitCode());
    assertEquals("out\nerr", r.output());
    IOException e = assertThrows(IOException.class, () -> runner.check(List.of("sh", "-c", "echo no; exit 2")));
    assertEquals("sh -c echo no; exit 2 exited 2: no", e.getMessage());
    assertEquals("yes", runner.check(List.of("sh", "-c", "echo yes")));
  }

  @Test
  void outputIsBoundedAndAChattyCommandStillFinishes() throws IOException {
    CommandResult r = runner.run(List.of("head", "-c", "1000000", "/dev/zero"));
    assertEquals(0, r.exitCode());
    assertEquals(ProcessCommandRunner.MAX_OUTPUT, r.output().length());
  }

  @Test
  void aCommandPastItsDeadlineIsKilledAndReported() {
    long start = System.nanoTime();
    IOException e = assertThrows(IOException.class,
        () -> new ProcessCommandRunner(Duration.ofMillis(300)).run(List.of("sleep", "30")));
    assertTrue(e.getMessage().startsWith("timed out after 300 ms: sleep 30"), e.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15, "returned at the deadline");
  }

  @Test
  void aChildLeftHoldingTheOutputDoesNotHoldTheCaller() throws IOException {
    long start = System.nanoTime();
    CommandResult r = new ProcessCommandRunner(Duration.ofSeconds(2)).run(List.of("sh", "-c", "sleep 30 & echo hi"));
    assertEquals(0, r.exitCode());
    assertEquals("hi", r.output());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15, "returned by the deadline");
  }

  @Test
  void aMissingProgramIsAnIoError() {
    assertThrows(IOException.class, () -> runner.run(List.of("/nonexistent/launchctl", "print")));
  }
}
