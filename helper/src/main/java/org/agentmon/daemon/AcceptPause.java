package org.agentmon.daemon;

import java.nio.channels.SelectionKey;

/**
 * Stops accepting for a moment after {@code accept} failed, e.g. out of file descriptors (EMFILE):
 * the clients waiting in the backlog keep the listener readable, so accepting again at once would
 * spin the server thread. Connections already open are served meanwhile. Server thread only.
 */
final class AcceptPause {
  /** How long accepting pauses after a failure. */
  static final long PAUSE_NANOS = 200_000_000L;

  private final SelectionKey listenerKey;
  /** When accepting resumes; 0 while not paused. */
  private long resumeAt;

  AcceptPause(SelectionKey listenerKey) {
    this.listenerKey = listenerKey;
  }

  /** Stops watching the listener until {@link #PAUSE_NANOS} from {@code now}. */
  void pause(long now) {
    if (listenerKey.isValid()) {
      listenerKey.interestOps(0);
      resumeAt = (now + PAUSE_NANOS) | 1; // never 0, which means not paused
    }
  }

  /** Watches the listener again once the pause is over, unless it was closed for an exit meanwhile. */
  void resumeIfDue(long now) {
    if (resumeAt != 0 && now - resumeAt >= 0) {
      resumeAt = 0;
      if (listenerKey.isValid()) {
        listenerKey.interestOps(SelectionKey.OP_ACCEPT);
      }
    }
  }

  /** @return when the loop must wake up to resume accepting, or 0 while not paused */
  long dueNanos() {
    return resumeAt;
  }
}
