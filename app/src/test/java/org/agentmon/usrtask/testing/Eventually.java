package org.agentmon.usrtask.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition that another process or thread makes true. */
public final class Eventually {
  private Eventually() {}

  /**
   * Waits until {@code condition} holds.
   *
   * @param timeout how long to wait
   * @param what the condition in words, for the failure
   * @param condition checked every 20 ms
   * @param state describes what is there instead, for the failure message
   * @return how long it took
   * @throws AssertionError if it does not hold in time
   */
  public static Duration await(Duration timeout, String what, Supplier<Boolean> condition, Supplier<String> state) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (!Boolean.TRUE.equals(condition.get())) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what + "; instead: " + state.get());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
