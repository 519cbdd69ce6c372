package org.agentmon.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.agentmon.client.HelperClient;
import org.agentmon.it.Hammer;
import org.agentmon.it.HelperProcess;
import org.agentmon.it.Jar;
import org.agentmon.protocol.Status;

/**
 * Row 7: the time from a {@code restart} call until a new instance answers {@code status} (and is not
 * stopping), under the launchd-like supervisor, median of 3, while 4 other clients keep asking.
 */
final class RestartFigures {
  private RestartFigures() {}

  static void measure(BenchRun run, ColdStartFigures.Cold cold) throws Exception {
    Path sock = run.dir.resolve("gap.sock");
    List<String> cmd = BenchRun.java("-jar", Jar.path().toString(), "daemon", "--state-dir",
        run.dir.resolve("gap-state").toString(), "--log-file", run.dir.resolve("gap.log").toString(),
        "--crash-loop-starts", "1000");
    Process sup = run.supervise(sock, cmd);
    double[] gaps = new double[3];
    int failures;
    try (Hammer hammer = new Hammer(sock, 4)) {
      for (int i = 0; i < gaps.length; i++) {
        HelperProcess.pause(1500);
        gaps[i] = restartOnce(sock);
      }
      hammer.close();
      failures = hammer.failures.get();
    }
    run.end(sup);
    Arrays.sort(gaps);
    double gap = gaps[1];
    double bound = cold.helper() + 100;
    run.add(new Row("7a restart gap (median of 3)", gap, "ms", "helper cold start (3a) + 100 ms", bound,
        "<= cold start + 100 ms", gap <= bound));
    run.add(new Row("7b failed requests during restarts", failures, "", "(none allowed)", 0, "0", failures == 0));
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
