package org.agentmon.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void theCapDoublesFromOneSecondToFiveMinutes() {
    Backoff b = new Backoff(1_000, 300_000);
    assertEquals(1_000, b.capMillis(1));
    assertEquals(2_000, b.capMillis(2));
    assertEquals(256_000, b.capMillis(9));
    assertEquals(300_000, b.capMillis(10));
    assertEquals(300_000, b.capMillis(10_000), "no overflow after many failures");
  }

  @Test
  void delaysAreJitteredWithinTheBounds() {
    Backoff b = new Backoff(1_000, 300_000);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 2_000; i++) {
      long d = b.delayMillis(6); // cap 32 s
      assertTrue(d >= 1_000 && d <= 32_000, "delay " + d);
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertTrue(min < 5_000 && max > 28_000, "full jitter spreads over the range: " + min + ".." + max);
    assertEquals(1_000, b.delayMillis(1), "the first retry waits the minimum");
  }
}
