package org.agentmon.usrtask.live;

/** Reconnect delays: starts small so a restart is noticed quickly, doubles up to a cap. Not thread-safe. */
final class Backoff {
  private final long firstMillis;
  private final long maxMillis;
  private long next;

  Backoff(long firstMillis, long maxMillis) {
    this.firstMillis = firstMillis;
    this.maxMillis = maxMillis;
    this.next = firstMillis;
  }

  /** @return the delay to wait now; the one after is twice as long, up to the cap */
  long next() {
    long now = next;
    next = Math.min(next * 2, maxMillis);
    return now;
  }

  /** Starts again from the first delay, after a successful connection. */
  void reset() {
    next = firstMillis;
  }
}
