package org.agentmon.daemon;

/**
 * The server's bounds.
 *
 * @param maxConnections connections served at once; the next is told so and closed
 * @param clientIdleMillis a connection that is not subscribed and sends nothing this long is closed
 * @param maxPendingBytes unread output a client may accumulate before it is dropped
 */
record Limits(int maxConnections, long clientIdleMillis, long maxPendingBytes) {
  static final Limits DEFAULT = new Limits(1024, 60_000, 256 * 1024);
}
