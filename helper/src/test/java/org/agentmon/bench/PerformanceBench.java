package org.agentmon.bench;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench ({@code ./mvnw -B -Pbench -pl helper verify}): every figure group in one run, printed as
 * one table and written to {@code target/bench/results.json}. Run by failsafe only in the
 * {@code bench} profile, so {@code ./mvnw verify} never runs it.
 */
class PerformanceBench {
  @TempDir
  Path dir;

  @Test
  void bench() throws Exception {
    try (BenchRun run = new BenchRun(dir)) {
      IdleFigures idle = IdleFigures.begin(run); // measured over the whole run, in other processes
      RoundTripFigures.measure(run);
      ColdStartFigures.Cold cold = ColdStartFigures.measure(run);
      CommandFigures.measure(run, cold);
      RestartFigures.measure(run, cold);
      FanOutFigures.measure(run);
      idle.finish(run);
      Report.write(run.rows());
    }
  }
}
