package org.agentmon.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.HelperProcess;

/**
 * Row 6: 1,000 subscribed clients and one {@code start} call that changes the status. The helper
 * answers the call once the change is made and durable (an audit event and the enabled flag, each
 * fsynced), and sends {@code status.changed} after that answer, in the same round of its loop; 6a is
 * the p99 of each subscriber's delay from that answer until its complete line was read, beside one
 * subscriber's delay from the request. 6c is the call itself, 6d the old reading (from the request,
 * the fsyncs included). The subscribers of 6a–6e are bare sockets on one selector thread
 * ({@link RawSubscribers}), so the rows measure the helper; 6f and 6g are the same with 1,000
 * {@code HelperClient}s, a reader thread each parsing the status, which share the bench JVM's 2 cores
 * with the helper and so measure mostly the bench's own threads.
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
      Delays one = rawFanOut(h, 1);
      double rssBefore = Measure.rssMib(h.process().pid());
      Delays all = rawFanOut(h, 1000);
      double rssAfter = Measure.rssMib(h.process().pid());
      Delays clientOne = clientFanOut(h, 1);
      Delays clients = clientFanOut(h, 1000);
      double p99 = all.percentile(99, all.answer());
      // One subscriber often has its notification before the caller has read its answer: its delay is
      // taken from the request, the fsyncs of 6c included.
      double single = one.percentile(99, one.request());
      String base = "1 raw subscriber, from the request";
      run.add(new Row("6a fan-out to 1,000 raw subscribers, p99 from the answer", p99, "ms", base, single,
          "<= 20 ms", p99 <= 20));
      run.add(new Row("6e fan-out to 1,000 raw subscribers, p50 from the answer", all.percentile(50, all.answer()),
          "ms", base, single, "(reported)", true));
      run.add(new Row("6c the change: `start` call, fsyncs included", (all.answer() - all.request()) / 1e6, "ms",
          "same, 1 subscriber", (one.answer() - one.request()) / 1e6, "(reported)", true));
      run.add(new Row("6d fan-out to 1,000 raw subscribers, p99 from the request", all.percentile(99, all.request()),
          "ms", "1 raw subscriber", single, "(reported)", true));
      run.add(new Row("6b fan-out RSS growth", rssAfter - rssBefore, "MiB", "RSS before", rssBefore, "<= 32 MiB",
          rssAfter - rssBefore <= 32));
      double clientSingle = clientOne.percentile(99, clientOne.request());
      String clientBase = "1 HelperClient subscriber, from the request";
      run.add(new Row("6f fan-out to 1,000 HelperClient subscribers, p99 from the answer",
          clients.percentile(99, clients.answer()), "ms", clientBase, clientSingle, "(reported)", true));
      run.add(new Row("6g fan-out to 1,000 HelperClient subscribers, p50 from the answer",
          clients.percentile(50, clients.answer()), "ms", clientBase, clientSingle, "(reported)", true));
    }
  }

  /** Subscribes {@code n} bare sockets, makes one change, and records when each read the whole line. */
  private static Delays rawFanOut(HelperProcess h, int n) throws Exception {
    try (RawSubscribers subs = RawSubscribers.subscribe(h.socket, n)) {
      long[] times = change(h, subs::arm);
      return new Delays(times[0], times[1], subs.awaitChange());
    }
  }

  /** Subscribes {@code n} {@code HelperClient}s, makes one change, and records when each had the status. */
  private static Delays clientFanOut(HelperProcess h, int n) throws Exception {
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
      long[] times = change(h, () -> armed.set(true));
      if (!all.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError(all.getCount() + " subscribers never got the change");
      }
      return new Delays(times[0], times[1], arrived);
    } finally {
      subs.forEach(HelperClient::close);
    }
  }

  /**
   * An administrator's {@code start} call, 1 s after connecting so that the coalesced notifications of
   * the connects have passed; {@code arm} runs just before the request.
   *
   * @return the times (ns) of the request and of its answer
   */
  private static long[] change(HelperProcess h, Runnable arm) throws Exception {
    try (HelperClient admin = h.client()) {
      HelperProcess.pause(1000);
      arm.run();
      long request = System.nanoTime();
      admin.start();
      return new long[] {request, System.nanoTime()};
    }
  }
}
