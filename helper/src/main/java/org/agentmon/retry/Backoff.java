package org.agentmon.retry;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff: after the n-th failure in a row the wait is at most {@code min * 2^(n-1)},
 * capped at {@code max}; a success starts over at {@code min}. {@link #withJitter} waits a uniformly
 * random time up to that bound (full jitter: a fleet that lost its server at the same moment spreads
 * out); {@link #doubling} waits exactly the bound (one client of a local helper: the first retry
 * comes soon, so a restart is noticed quickly). Not thread-safe: one thread retries.
 */
public final class Backoff {
  private final long minMillis;
  private final long maxMillis;
  private final boolean jitter;
  private int failures;

  private Backoff(long minMillis, long maxMillis, boolean jitter) {
    this.minMillis = minMillis;
    this.maxMillis = Math.max(minMillis, maxMillis);
    this.jitter = jitter;
  }

  /**
   * @param minMillis the first wait, and the least one
   * @param maxMillis the cap
   * @return a backoff whose waits are random between {@code min} and the bound
   */
  public static Backoff withJitter(long minMillis, long maxMillis) {
    return new Backoff(minMillis, maxMillis, true);
  }

  /**
   * @param firstMillis the first wait
   * @param maxMillis the cap
   * @return a backoff whose waits are exactly the bound: first, twice that, … up to the cap
   */
  public static Backoff doubling(long firstMillis, long maxMillis) {
    return new Backoff(firstMillis, maxMillis, false);
  }

  /** @return how long to wait after one more failure in a row */
  public long next() {
    if (failures < Integer.MAX_VALUE) {
      failures++;
    }
    long cap = capMillis(failures);
    return !jitter || cap == minMillis ? cap : ThreadLocalRandom.current().nextLong(minMillis, cap + 1);
  }

  /** Starts over at the first wait, after a success. */
  public void reset() {
    failures = 0;
  }

  /** @return the failures in a row since the last {@link #reset} */
  public int failures() {
    return failures;
  }

  /** @return the upper bound of the wait after {@code failures} failures in a row (1 or more) */
  long capMillis(int failures) {
    long cap = minMillis;
    for (int i = 1; i < failures && cap < maxMillis; i++) {
      cap *= 2;
    }
    return Math.min(maxMillis, cap);
  }
}
