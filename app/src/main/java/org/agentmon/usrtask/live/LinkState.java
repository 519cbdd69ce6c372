package org.agentmon.usrtask.live;

/** How UsrTask's link to the helper stands. */
public enum LinkState {
  /** No answer yet since UsrTask started. */
  CONNECTING,
  /** Subscribed; the snapshot's status is live. */
  CONNECTED,
  /** The connection ended and the helper is expected back (a restart, a supervisor respawn). */
  RESTARTING,
  /** Nothing answers on the socket. */
  NOT_RUNNING,
  /** Something answers but speaks another major protocol version. */
  INCOMPATIBLE
}
