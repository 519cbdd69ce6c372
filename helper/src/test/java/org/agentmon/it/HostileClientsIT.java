package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.HostileLoad;
import org.agentmon.it.fixtures.Latencies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Beside {@link HostileLoad} (200 connections that send one byte per second, 200 that subscribe, ask
 * and never read), a normal client is not held up: its p99 stays within 3× of its unloaded p99 or
 * under {@link #NOISE_MILLIS}, whichever is more, and no call waits as long as the slow connections'
 * drip. The failure this guards against is the helper's one thread waiting on a hostile connection:
 * that costs a normal call the drip's second, or forever, not a few milliseconds. The bench's row 1e
 * reports the exact ratio on a quiet machine.
 */
class HostileClientsIT {
  /**
   * What a loaded 2-core CI machine adds to a sub-millisecond call at p99 by scheduling alone (a
   * few time slices; 3.4 ms was seen against 0.83 ms unloaded). Far below a stall.
   */
  static final double NOISE_MILLIS = 10;

  @TempDir
  Path dir;

  @Test
  void slowAndNonReadingClientsDoNotHoldUpANormalClient() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start(); HelperClient normal = h.client()) {
      HostileLoad.Slowdown s = HostileLoad.measure(h.socket, normal);
      double unloaded = s.unloadedP99();
      Latencies loaded = s.loaded();
      double p99 = loaded.percentileMillis(99);
      double worst = loaded.percentileMillis(100);
      System.out.printf("hostile clients: normal client p99 unloaded %.3f ms, with 400 hostile %.3f ms (%.2fx), "
          + "slowest call %.3f ms%n", unloaded, p99, p99 / unloaded, worst);
      assertTrue(p99 <= Math.max(3 * unloaded, NOISE_MILLIS),
          String.format("p99 %.3f ms beside the hostile load vs %.3f ms unloaded", p99, unloaded));
      assertTrue(worst < HostileLoad.DRIP_MILLIS, String.format("a call waited %.0f ms, as long as a slow "
          + "connection's next byte (%d ms): the helper waited on it", worst, HostileLoad.DRIP_MILLIS));
      assertTrue(h.process().isAlive(), h.log());
    }
  }
}
