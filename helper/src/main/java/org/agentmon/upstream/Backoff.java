package org.agentmon.upstream;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: after the n-th failure in a row, wait a uniformly random time
 * between {@code min} and {@code min * 2^(n-1)}, capped at {@code max}. The jitter spreads a fleet
 * that lost its server at the same moment; success starts over at {@code min}.
 */
final class Backoff {
  private final long minMillis;
  private final long maxMillis;

  Backoff(long minMillis, long maxMillis) {
    this.minMillis = minMillis;
    this.maxMillis = Math.max(minMillis, maxMillis);
  }

  /** @return the upper bound of the wait after {@code failures} failures in a row (1 or more) */
  long capMillis(int failures) {
    long cap = minMillis;
    for (int i = 1; i < failures && cap < maxMillis; i++) {
      cap *= 2;
    }
    return Math.min(maxMillis, cap);
  }

  /** @return a random wait within the bounds for {@code failures} failures in a row */
  long delayMillis(int failures) {
    long cap = capMillis(failures);
    return cap == minMillis ? cap : ThreadLocalRandom.current().nextLong(minMillis, cap + 1);
  }
}
