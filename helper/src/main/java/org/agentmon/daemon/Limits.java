package org.agentmon.daemon;

/**
 * The server's bounds.
 *
 * @param maxConnections connections served at once; the next is told so and closed
 * @param maxConnectionsPerUser connections one ordinary (non-admin) uid may hold at once
 * @param clientIdleMillis a connection that waits for no notifications and sends nothing this long is closed
 * @param maxPendingBytes unread output a client may accumulate before it is dropped
 * @param maxQueuedBytes unread output all clients together may accumulate; past it the client with the
 *     most is dropped first
 */
record Limits(int maxConnections, int maxConnectionsPerUser, long clientIdleMillis, long maxPendingBytes,
    long maxQueuedBytes) {
  static final Limits DEFAULT = new Limits(1024, 32, 60_000, 256 * 1024, 16 * 1024 * 1024);

  /**
   * @return how many of {@link #maxConnections} only root and administrators may take (one sixteenth,
   *     at least one when there are two slots or more), so that they are always answered
   */
  int adminReserve() {
    return Math.min(maxConnections - 1, Math.max(1, maxConnections / 16));
  }
}
