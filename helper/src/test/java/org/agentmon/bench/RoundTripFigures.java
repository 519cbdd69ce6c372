package org.agentmon.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.agentmon.client.HelperClient;
import org.agentmon.it.HelperProcess;
import org.agentmon.it.Latencies;
import org.newsclub.net.unix.AFUNIXSocket;

/** Rows 1 and 2: status round trips and 8-client throughput, beside a raw junixsocket echo. */
final class RoundTripFigures {
  private RoundTripFigures() {}

  /** A call to repeat. */
  interface Call {
    void run() throws IOException;
  }

  /** Makes a per-thread {@link Call}. */
  interface CallFactory {
    Call open() throws IOException;
  }

  static void measure(BenchRun run) throws Exception {
    Path echo = run.dir.resolve("echo.sock");
    Process echoServer = run.echoServer(echo);
    try (HelperProcess h = run.helper("rt")) {
      latency(run, h, echo);
      throughput(run, h, echo);
    }
    run.end(echoServer);
  }

  private static void latency(BenchRun run, HelperProcess h, Path echo) throws IOException {
    Latencies helper = new Latencies();
    Latencies raw = new Latencies();
    try (HelperClient c = h.client(); AFUNIXSocket s = RawLines.connect(echo)) {
      for (int round = 0; round < 2; round++) { // the first round is the warm-up
        helper = new Latencies();
        raw = new Latencies();
        for (int i = 0; i < 5000; i++) {
          long t0 = System.nanoTime();
          c.status();
          helper.add(System.nanoTime() - t0);
          t0 = System.nanoTime();
          RawLines.echoOnce(s);
          raw.add(System.nanoTime() - t0);
        }
      }
    }
    Latencies rawStatus = new Latencies();
    try (AFUNIXSocket s = RawLines.connect(h.socket)) {
      for (int i = 0; i < 10_000; i++) {
        long t0 = System.nanoTime();
        RawLines.statusOnce(s);
        if (i >= 5000) {
          rawStatus.add(System.nanoTime() - t0);
        }
      }
    }
    run.add(new Row("1c raw status line (no HelperClient) p50", rawStatus.percentileMillis(50), "ms",
        "raw echo p50", raw.percentileMillis(50), "(diagnostic)", true));
    double p50 = helper.percentileMillis(50);
    run.add(new Row("1a status round trip p50", p50, "ms", "raw echo p50", raw.percentileMillis(50), "<= 1.5x",
        p50 <= 1.5 * raw.percentileMillis(50)));
    run.add(new Row("1b status round trip p99", helper.percentileMillis(99), "ms", "raw echo p99",
        raw.percentileMillis(99), "(reported)", true));
  }

  private static void throughput(BenchRun run, HelperProcess h, Path echo) throws Exception {
    double helper = 0;
    double raw = 0;
    for (int round = 0; round < 2; round++) { // warm-up, then measured
      helper = perSecond(8, 3000, () -> {
        HelperClient c = h.client();
        return () -> c.status();
      });
      raw = perSecond(8, 3000, () -> {
        AFUNIXSocket s = RawLines.connect(echo);
        return () -> RawLines.echoOnce(s);
      });
    }
    run.add(new Row("2 throughput, 8 clients", helper, "req/s", "raw echo, 8 clients", raw, ">= 0.7x",
        helper >= 0.7 * raw));
  }

  private static double perSecond(int threads, long millis, CallFactory factory) throws Exception {
    AtomicLong count = new AtomicLong();
    List<Thread> ts = new ArrayList<>();
    long end = System.nanoTime() + millis * 1_000_000;
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      calls.add(factory.open());
    }
    long t0 = System.nanoTime();
    for (Call call : calls) {
      Thread t = new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            call.run();
            count.incrementAndGet();
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      ts.add(t);
      t.start();
    }
    for (Thread t : ts) {
      t.join();
    }
    return count.get() / ((System.nanoTime() - t0) / 1e9);
  }
}
