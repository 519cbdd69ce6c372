package org.agentmon.bench;

import java.util.List;
import org.agentmon.it.HelperProcess;
import org.agentmon.it.Jar;

/** Row 4: the {@code agentmon status} command against a running helper, beside the cold-start floor. */
final class CommandFigures {
  private CommandFigures() {}

  static void measure(BenchRun run, ColdStartFigures.Cold cold) throws Exception {
    try (HelperProcess h = run.helper("cmd")) {
      List<String> cmd = BenchRun.java("-jar", Jar.path().toString(), "status", "--socket", h.socket.toString());
      double ms = Measure.median(7, () -> Measure.timed(cmd));
      run.add(new Row("4 `agentmon status` command", ms, "ms", "junixsocket floor", cold.floor(), "<= 2x",
          ms <= 2 * cold.floor()));
    }
  }
}
