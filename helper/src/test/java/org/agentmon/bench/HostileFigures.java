package org.agentmon.bench;

import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.HostileLoad;

/**
 * Row 1e: a well-behaved client's status p99 beside {@link HostileLoad} (what any local user can do
 * without a right), against the same client's p99 on the same helper just before. HostileClientsIT
 * only checks that nothing stalls; this row gives the ratio.
 */
final class HostileFigures {
  private HostileFigures() {}

  static void measure(BenchRun run) throws Exception {
    try (HelperProcess h = run.helper("hostile"); HelperClient normal = h.client()) {
      HostileLoad.Slowdown s = HostileLoad.measure(h.socket, normal);
      double p99 = s.loaded().percentileMillis(99);
      run.add(new Row("1e status p99 beside 400 hostile connections", p99, "ms", "same client, unloaded p99",
          s.unloadedP99(), "<= 3x", p99 <= 3 * s.unloadedP99()));
    }
  }
}
