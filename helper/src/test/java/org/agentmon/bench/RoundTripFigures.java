package org.agentmon.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.Latencies;
import org.newsclub.net.unix.AFUNIXSocket;

/**
 * Rows 1 and 2: status round trips and 8-client throughput, beside a raw junixsocket echo (a thread per
 * client), and beside {@link SelectorEcho}, the same echo served the helper's way (rows 1d and 2b).
 */
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
    Path selected = run.dir.resolve("selector-echo.sock");
    Process echoServer = run.echoServer(echo);
    Process selectorEcho = run.selectorEcho(selected);
    try (HelperProcess h = run.helper("rt")) {
      latency(run, h, echo, selected);
      throughput(run, h, echo, selected);
    }
    run.end(echoServer);
    run.end(selectorEcho);
  }

  private static void latency(BenchRun run, HelperProcess h, Path echo, Path selected) throws IOException {
    List<Latencies> l = new ArrayList<>();
    try (HelperClient c = h.client(); AFUNIXSocket r = RawLines.connect(h.socket);
        AFUNIXSocket s = RawLines.connect(echo); AFUNIXSocket f = RawLines.connect(selected)) {
      List<Call> calls = List.of(c::status, () -> RawLines.statusOnce(r), () -> RawLines.echoOnce(s),
          () -> RawLines.echoOnce(f));
      for (int round = 0; round < 2; round++) { // the first round is the warm-up
        l.clear();
        calls.forEach(x -> l.add(new Latencies()));
        // Interleaved, so that each sees the same machine, and in turn in every place of the round, as
        // a round trip right after another one is faster than one after a different server's.
        for (int i = 0; i < 20_000; i++) {
          int which = (i + i / calls.size()) % calls.size();
          long t0 = System.nanoTime();
          calls.get(which).run();
          l.get(which).add(System.nanoTime() - t0);
        }
      }
    }
    double echoP50 = l.get(2).percentileMillis(50);
    run.add(new Row("1c raw status line (no HelperClient) p50", l.get(1).percentileMillis(50), "ms", "raw echo p50",
        echoP50, "(diagnostic)", true));
    run.add(new Row("1d selector echo p50 (the design's floor)", l.get(3).percentileMillis(50), "ms", "raw echo p50",
        echoP50, "(diagnostic)", true));
    double p50 = l.get(0).percentileMillis(50);
    run.add(new Row("1a status round trip p50", p50, "ms", "raw echo p50", echoP50, "<= 1.5x", p50 <= 1.5 * echoP50));
    run.add(new Row("1b status round trip p99", l.get(0).percentileMillis(99), "ms", "raw echo p99",
        l.get(2).percentileMillis(99), "(reported)", true));
  }

  private static void throughput(BenchRun run, HelperProcess h, Path echo, Path selected) throws Exception {
    double helper = 0;
    double raw = 0;
    double floor = 0;
    for (int round = 0; round < 2; round++) { // warm-up, then measured
      helper = perSecond(8, 3000, () -> {
        HelperClient c = h.client();
        return () -> c.status();
      });
      raw = perSecond(8, 3000, () -> {
        AFUNIXSocket s = RawLines.connect(echo);
        return () -> RawLines.echoOnce(s);
      });
      floor = perSecond(8, 3000, () -> {
        AFUNIXSocket s = RawLines.connect(selected);
        return () -> RawLines.echoOnce(s);
      });
    }
    run.add(new Row("2 throughput, 8 clients", helper, "req/s", "raw echo, 8 clients", raw, ">= 0.7x",
        helper >= 0.7 * raw));
    run.add(new Row("2b selector echo, 8 clients (the design's floor)", floor, "req/s", "raw echo, 8 clients", raw,
        "(diagnostic)", true));
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
