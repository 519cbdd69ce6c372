package org.agentmon.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agentmon.client.HelperClient;
import org.agentmon.it.HelperProcess;

/**
 * Row 6: 1,000 subscribed clients and one {@code start} call that changes the status. The helper
 * answers the call once the change is made and durable (an audit event and the enabled flag, each
 * fsynced), and sends {@code status.changed} after that answer, in the same round of its loop; 6a is
 * the p99 of each subscriber's delay from that answer, beside one subscriber's delay from the request. 6c is
 * the call itself, 6d the old reading (from the request, the fsyncs included).
 */
final class FanOutFigures {
  private FanOutFigures() {}

  /** Arrival times (ns) of each subscriber's first notification after the call, and the call's times. */
  private record Delays(long request, long answer, long[] arrived) {
    /** @return the p-th percentile delay in ms from {@code from} */
    double percentile(double p, long from) {
      double[] ms = new double[arrived.length];
      for (int i = 0; i < ms.length; i++) {
        ms[i] = (arrived[i] - from) / 1e6;
      }
      java.util.Arrays.sort(ms);
      return ms[Math.max(0, (int) Math.ceil(p / 100 * ms.length) - 1)];
    }
  }

  static void measure(BenchRun run) throws Exception {
    try (HelperProcess h = run.helper("fan")) {
      Delays one = fanOutOnce(h, 1);
      double rssBefore = Measure.rssMib(h.process().pid());
      Delays all = fanOutOnce(h, 1000);
      double rssAfter = Measure.rssMib(h.process().pid());
      double p99 = all.percentile(99, all.answer());
      // One subscriber often has its notification before the caller has read its answer: its delay is
      // taken from the request, the fsyncs of 6c included.
      double single = one.percentile(99, one.request());
      run.add(new Row("6a fan-out to 1,000, p99 from the answer", p99, "ms", "1 subscriber, from the request",
          single, "<= 20 ms", p99 <= 20));
      run.add(new Row("6e fan-out to 1,000, p50 from the answer", all.percentile(50, all.answer()), "ms",
          "1 subscriber, from the request", single, "(reported)", true));
      run.add(new Row("6c the change: `start` call, fsyncs included", (all.answer() - all.request()) / 1e6, "ms",
          "same, 1 subscriber", (one.answer() - one.request()) / 1e6, "(reported)", true));
      run.add(new Row("6d fan-out to 1,000, p99 from the request", all.percentile(99, all.request()), "ms",
          "1 subscriber", one.percentile(99, one.request()), "(reported)", true));
      run.add(new Row("6b fan-out RSS growth", rssAfter - rssBefore, "MiB", "RSS before", rssBefore, "<= 32 MiB",
          rssAfter - rssBefore <= 32));
    }
  }

  /** Subscribes {@code n} clients, makes one change, and records when each subscriber heard of it. */
  private static Delays fanOutOnce(HelperProcess h, int n) throws Exception {
    List<HelperClient> subs = new ArrayList<>();
    AtomicBoolean armed = new AtomicBoolean();
    long[] arrived = new long[n];
    CountDownLatch all = new CountDownLatch(n);
    try {
      for (int i = 0; i < n; i++) {
        int k = i;
        HelperClient c = HelperClient.connect(h.socket, Duration.ofSeconds(10));
        subs.add(c);
        c.subscribe(s -> {
          long now = System.nanoTime();
          if (armed.get() && arrived[k] == 0) {
            arrived[k] = now;
            all.countDown();
          }
        });
      }
      long request;
      long answer;
      try (HelperClient admin = h.client()) {
        HelperProcess.pause(1000); // let the (coalesced) notifications of the connects pass
        armed.set(true);
        request = System.nanoTime();
        admin.start();
        answer = System.nanoTime();
      }
      if (!all.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError(all.getCount() + " subscribers never got the change");
      }
      return new Delays(request, answer, arrived);
    } finally {
      subs.forEach(HelperClient::close);
    }
  }
}
