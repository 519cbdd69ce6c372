package org.agentmon.daemon;

import java.util.HashSet;
import java.util.Set;

/**
 * Unread output of all connections together, on top of each connection's own cap: many clients that
 * never read could otherwise each queue up to that cap. Past the budget the server drops the client
 * with the most unread output first. After a burst has drained it says so once, so that the server can
 * hand the memory back. Server thread only.
 */
final class OutputBudget {
  private final long max;
  /** Unread output that counts as a burst: a quarter of the budget. */
  private final long burst;
  private boolean burstSeen;
  /** The connections with output queued; only they are candidates for dropping. */
  private final Set<Connection> queued = new HashSet<>();
  private long used;

  OutputBudget(long max) {
    this.max = max;
    this.burst = max / 4;
  }

  /** Records that {@code c}'s unread output changed by {@code delta} bytes (with its buffers' cost). */
  void changed(Connection c, long delta) {
    used += delta;
    burstSeen |= used >= burst && burst > 0;
    if (!c.flushed()) {
      queued.add(c);
    } else {
      queued.remove(c);
    }
  }

  /** @return whether all unread output together is over the budget */
  boolean over() {
    return used > max;
  }

  /** @return the connection with the most unread output, or null if none has any */
  Connection largest() {
    Connection big = null;
    for (Connection c : queued) {
      if (big == null || c.pendingBytes() > big.pendingBytes()) {
        big = c;
      }
    }
    return big;
  }

  /**
   * Once nearly all of a burst of unread output is gone (written or dropped), gives the heap it grew
   * back to the system: the installed launch flags pick SerialGC, which shrinks the heap only at a full
   * collection, and an idle helper would never run one. A burst costs its clients at least a quarter
   * of the budget in output, so they cannot make this frequent.
   */
  void releaseAfterBurst() {
    if (burstSeen && used < burst / 16) {
      burstSeen = false;
      System.gc();
    }
  }

  long used() {
    return used;
  }

  long max() {
    return max;
  }
}
