package org.agentmon.bench;

import java.util.List;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.Jar;

/**
 * Row 4: the {@code agentmon status} command against a running helper, beside the junixsocket floor
 * (a process that answers one line), without and with the packages' CDS archive.
 */
final class CommandFigures {
  private CommandFigures() {}

  static void measure(BenchRun run, ColdStartFigures.Cold cold) throws Exception {
    try (HelperProcess h = run.helper("cmd")) {
      List<String> cmd = BenchRun.java("-jar", Jar.path().toString(), "status", "--socket", h.socket.toString());
      double ms = Measure.median(7, () -> Measure.timed(cmd));
      run.add(new Row("4 `agentmon status` command, no CDS archive", ms, "ms", "junixsocket floor", cold.floor(),
          "(reported)", true));
      if (cold.archive() != null) {
        List<String> withCds = CdsArchive.with(cold.archive(), cmd);
        double cds = Measure.median(7, () -> Measure.timed(withCds));
        run.add(new Row("4c `agentmon status`, as installed", cds, "ms", "junixsocket floor", cold.floor(),
            "<= 1.25x", cds <= 1.25 * cold.floor()));
      }
    }
  }
}
