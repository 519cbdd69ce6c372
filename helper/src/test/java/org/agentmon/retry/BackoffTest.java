package org.agentmon.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void theCapDoublesFromOneSecondToFiveMinutes() {
    Backoff b = Backoff.withJitter(1_000, 300_000);
    assertEquals(1_000, b.capMillis(1));
    assertEquals(2_000, b.capMillis(2));
    assertEquals(256_000, b.capMillis(9));
    assertEquals(300_000, b.capMillis(10));
    assertEquals(300_000, b.capMillis(10_000), "no overflow after many failures");
  }

  @Test
  void delaysAreJitteredWithinTheBounds() {
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 2_000; i++) {
      Backoff b = Backoff.withJitter(1_000, 300_000);
      assertEquals(1_000, b.next(), "the first retry waits the minimum");
      for (int n = 2; n < 6; n++) {
        b.next();
      }
      long d = b.next(); // the 6th failure: cap 32 s
      assertTrue(d >= 1_000 && d <= 32_000, "delay " + d);
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    assertTrue(min < 5_000 && max > 28_000, "full jitter spreads over the range: " + min + ".." + max);
  }

  /** The app's reconnect delays: 250 ms doubling to 5 s, and from the start again once connected. */
  @Test
  void doublingWaitsExactlyTheBoundAndStartsOverAfterReset() {
    Backoff b = Backoff.doubling(250, 5_000);
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      waits.add(b.next());
    }
    assertEquals(List.of(250L, 500L, 1_000L, 2_000L, 4_000L, 5_000L, 5_000L), waits);
    assertEquals(7, b.failures());
    b.reset();
    assertEquals(0, b.failures());
    assertEquals(250, b.next());
  }
}
