package org.agentmon.bench;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench ({@code ./mvnw -B -Pbench -pl helper verify}): every figure group in one run, printed as
 * one table and written to {@code target/bench/results.json}. Run by failsafe only in the
 * {@code bench} profile, so {@code ./mvnw verify} never runs it. {@code -Dbench.groups=roundtrip,fanout}
 * runs only those groups ({@code idle}, {@code roundtrip}, {@code hostile}, {@code cold} with the command and restart
 * rows that need it, {@code fanout}), to compare one change before and after without the whole run.
 */
class PerformanceBench {
  @TempDir
  Path dir;

  @Test
  void bench() throws Exception {
    try (BenchRun run = new BenchRun(dir)) {
      // measured over the whole run, in other processes
      IdleFigures idle = selected("idle") ? IdleFigures.begin(run) : null;
      if (selected("roundtrip")) {
        RoundTripFigures.measure(run);
      }
      if (selected("hostile")) {
        HostileFigures.measure(run);
      }
      if (selected("cold")) {
        ColdStartFigures.Cold cold = ColdStartFigures.measure(run);
        CommandFigures.measure(run, cold);
        RestartFigures.measure(run, cold);
      }
      if (selected("fanout")) {
        FanOutFigures.measure(run);
      }
      if (idle != null) {
        idle.finish(run);
      }
      Report.write(run.rows());
    }
  }

  /** @return whether {@code -Dbench.groups} (all groups when unset) names {@code group} */
  private static boolean selected(String group) {
    String groups = System.getProperty("bench.groups", "").trim();
    return groups.isEmpty() || Arrays.asList(groups.split("\\s*,\\s*")).contains(group);
  }
}
