package org.agentmon.client;

import java.time.Duration;

/**
 * The moment by which a whole exchange with the helper must be done: connect, hello and answer
 * together. Consulted before the connect attempts and before every read, so a helper that trickles a
 * byte at a time or sends only notifications cannot stretch it the way a per-read timeout would be.
 */
public final class Deadline {
  private final long atNanos;
  private final Duration total;

  private Deadline(long atNanos, Duration total) {
    this.atNanos = atNanos;
    this.total = total;
  }

  /**
   * Starts a deadline now.
   *
   * @param total how long from now
   * @return the deadline
   */
  public static Deadline after(Duration total) {
    return new Deadline(System.nanoTime() + total.toNanos(), total);
  }

  /** @return whether the deadline has passed */
  public boolean passed() {
    return remainingMillis() <= 0;
  }

  /** @return the whole milliseconds left, rounded up; zero once passed */
  public long remainingMillis() {
    long left = atNanos - System.nanoTime();
    return left <= 0 ? 0 : (left + 999_999) / 1_000_000;
  }

  /** @return how long the deadline was set for, e.g. for "within 10 s" */
  public Duration total() {
    return total;
  }

  /** @return the total in words, e.g. "10 s" or "1.5 s" */
  String describe() {
    long ms = total.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
  }
}
