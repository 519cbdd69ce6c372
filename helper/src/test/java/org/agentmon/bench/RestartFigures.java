package org.agentmon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentmon.client.HelperClient;
import org.agentmon.it.Hammer;
import org.agentmon.it.HelperProcess;
import org.agentmon.it.Jar;
import org.agentmon.protocol.Status;

/**
 * Row 7: the time from a {@code restart} call until a new instance answers {@code status} (and is not
 * stopping), under the launchd-like supervisor, median of 3, while 4 other clients keep asking; the
 * helper runs with the CDS archive when there is one, as installed, and is compared with its own
 * cold start.
 */
final class RestartFigures {
  private RestartFigures() {}

  static void measure(BenchRun run, ColdStartFigures.Cold cold) throws Exception {
    Path sock = run.dir.resolve("gap.sock");
    List<String> cmd = BenchRun.java("-jar", Jar.path().toString(), "daemon", "--state-dir",
        run.dir.resolve("gap-state").toString(), "--log-file", run.dir.resolve("gap.log").toString(),
        "--crash-loop-starts", "1000");
    boolean cds = cold.archive() != null; // as installed: with the archive when there is one
    Process sup = run.supervise(sock, cds ? CdsArchive.with(cold.archive(), cmd) : cmd);
    double[] gaps = new double[3];
    double[] calls = new double[3]; // when each restart was asked for, in the supervisor's clock (epoch s)
    int failures;
    try (Hammer hammer = new Hammer(sock, 4)) {
      for (int i = 0; i < gaps.length; i++) {
        HelperProcess.pause(1500);
        calls[i] = System.currentTimeMillis() / 1000.0;
        gaps[i] = restartOnce(sock);
      }
      hammer.close();
      failures = hammer.failures.get();
    }
    run.end(sup);
    Arrays.sort(gaps);
    double gap = gaps[1];
    double bound = (cds ? cold.withCds() : cold.helper()) + 100;
    run.add(new Row("7a restart gap (median of 3)", gap, "ms", "cold start (" + (cds ? "3c" : "3a") + ") + 100 ms",
        bound, "<= 1.0x", gap <= bound));
    double[] exits = new double[3];
    List<String> events = Files.readAllLines(run.dir.resolve(sock.getFileName() + ".events"));
    for (int i = 0; i < calls.length; i++) {
      exits[i] = (firstExitAfter(events, calls[i]) - calls[i]) * 1000;
    }
    Arrays.sort(exits);
    run.add(new Row("7c of which: the old helper's exit", exits[1], "ms", "the restart gap (7a)", gap, "(reported)",
        true));
    run.add(new Row("7b failed requests during restarts", failures, "", "(none allowed)", 0, "0", failures == 0));
  }

  /** @return the time (epoch s) of the supervisor's first exit event after {@code after}, NaN if none */
  private static double firstExitAfter(List<String> events, double after) {
    Pattern exit = Pattern.compile("\"kind\": \"exit\".*\"time\": ([0-9.]+)");
    for (String e : events) {
      Matcher m = exit.matcher(e);
      if (m.find() && Double.parseDouble(m.group(1)) > after) {
        return Double.parseDouble(m.group(1));
      }
    }
    return Double.NaN;
  }

  private static double restartOnce(Path sock) throws IOException {
    try (HelperClient c = HelperClient.connect(sock, Duration.ofSeconds(20))) {
      String before = c.status().instanceId();
      long t0 = System.nanoTime();
      c.restart();
      while (true) {
        try (HelperClient p = HelperClient.connect(sock, Duration.ofSeconds(20))) {
          Status s = p.status();
          if (!s.instanceId().equals(before) && !Status.STOPPING.equals(s.state())) {
            return (System.nanoTime() - t0) / 1e6;
          }
        } catch (IOException e) {
          // between instances
        }
        HelperProcess.pause(5);
      }
    }
  }
}
