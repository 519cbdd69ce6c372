package org.agentmon.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.agentmon.client.HelperClient;
import org.agentmon.it.HelperProcess;

/**
 * Row 6: 1,000 subscribed clients, one {@code start} call that changes the status, and the p99 of
 * the delays until each has its {@code status.changed}; beside the same with one subscriber.
 */
final class FanOutFigures {
  private FanOutFigures() {}

  static void measure(BenchRun run) throws Exception {
    try (HelperProcess h = run.helper("fan")) {
      double one = fanOutOnce(h, 1).get(0);
      double rssBefore = Measure.rssMib(h.process().pid());
      List<Double> all = fanOutOnce(h, 1000);
      double rssAfter = Measure.rssMib(h.process().pid());
      double p99 = all.get((int) Math.ceil(0.99 * all.size()) - 1);
      run.add(new Row("6a fan-out to 1,000, p99", p99, "ms", "1 subscriber", one, "<= 100 ms", p99 <= 100));
      run.add(new Row("6b fan-out RSS growth", rssAfter - rssBefore, "MiB", "RSS before", rssBefore, "<= 32 MiB",
          rssAfter - rssBefore <= 32));
    }
  }

  /** Subscribes {@code n} clients, makes one change, returns each one's delay in ms, sorted. */
  private static List<Double> fanOutOnce(HelperProcess h, int n) throws Exception {
    List<HelperClient> subs = new ArrayList<>();
    AtomicLong t0 = new AtomicLong(Long.MAX_VALUE);
    long[] arrived = new long[n];
    CountDownLatch all = new CountDownLatch(n);
    try {
      for (int i = 0; i < n; i++) {
        int k = i;
        HelperClient c = HelperClient.connect(h.socket, Duration.ofSeconds(10));
        subs.add(c);
        c.subscribe(s -> {
          long now = System.nanoTime();
          if (now > t0.get() && arrived[k] == 0) {
            arrived[k] = now;
            all.countDown();
          }
        });
      }
      HelperProcess.pause(1000); // let the notifications of the connect burst pass
      try (HelperClient admin = h.client()) {
        t0.set(System.nanoTime());
        admin.start();
      }
      if (!all.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError(all.getCount() + " subscribers never got the change");
      }
      List<Double> ms = new ArrayList<>();
      for (long a : arrived) {
        ms.add((a - t0.get()) / 1e6);
      }
      ms.sort(null);
      return ms;
    } finally {
      subs.forEach(HelperClient::close);
    }
  }
}
