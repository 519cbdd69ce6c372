package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.RawClient;
import org.agentmon.protocol.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many subscribers at once, and a subscriber that stops reading delays nobody. */
class FanOutIT {
  static final int SUBSCRIBERS = 500;

  @TempDir
  Path dir;

  @Test
  void fiveHundredSubscribersAllGetTheChangeDespiteOneThatStoppedReading() throws Exception {
    List<HelperClient> clients = new ArrayList<>();
    List<AtomicBoolean> got = new ArrayList<>();
    AtomicReference<CountDownLatch> round = new AtomicReference<>(new CountDownLatch(0));
    AtomicInteger lost = new AtomicInteger();
    try (HelperProcess h = new HelperProcess(dir).start(); RawClient stuck = new RawClient(h.socket)) {
      for (int i = 0; i < SUBSCRIBERS; i++) {
        HelperClient c = HelperClient.connect(h.socket, Duration.ofSeconds(10));
        clients.add(c);
        AtomicBoolean mine = new AtomicBoolean(true);
        got.add(mine);
        c.onConnectionLost(e -> lost.incrementAndGet());
        c.subscribe(s -> {
          if (mine.compareAndSet(false, true)) {
            round.get().countDown(); // at most once per subscriber per round
          }
        });
      }
      int connected = h.status().clients();
      assertTrue(connected >= SUBSCRIBERS + 2, "500 subscribers, the stuck client and this one: " + connected);

      // A subscriber that stops reading and keeps asking: its unread answers pile up until dropped.
      stuck.send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"subscribe\"}\n");
      StringBuilder flood = new StringBuilder();
      for (int i = 1; i <= 4000; i++) {
        flood.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i).append(",\"method\":\"status\"}\n");
      }
      stuck.send(flood.toString());
      HelperProcess.pause(500); // let the connect burst's coalesced notifications pass

      CountDownLatch everyone = new CountDownLatch(SUBSCRIBERS);
      round.set(everyone);
      got.forEach(g -> g.set(false));
      long t0 = System.nanoTime();
      try (HelperClient admin = h.client()) {
        admin.start(); // a state change: status.changed to every subscriber
      }
      assertTrue(everyone.await(10, TimeUnit.SECONDS),
          "only " + (SUBSCRIBERS - everyone.getCount()) + " of " + SUBSCRIBERS + " got the change");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < 3000, "fan-out to " + SUBSCRIBERS + " took " + ms + " ms");
      assertEquals(0, lost.get(), "no well-behaved subscriber was dropped");

      // The stuck one was dropped: after what was buffered for it, EOF.
      assertTrue(stuck.closedByPeer(10_000), "the subscriber that stopped reading is dropped");
      assertTrue(h.log().contains("dropping a client that stopped reading"), h.log());
      assertEquals(RunState.RUNNING, h.status().state());
    } finally {
      clients.forEach(HelperClient::close);
    }
  }
}
