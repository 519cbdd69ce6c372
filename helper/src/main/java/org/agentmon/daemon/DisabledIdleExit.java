package org.agentmon.daemon;

import org.agentmon.protocol.RunState;

/**
 * A helper that a supervisor started on demand and that is disabled answers whoever asked, then
 * gives the socket back: it exits 0 after a quiet period, and the supervisor starts it again on the
 * next connection. An enabled helper, a standalone one and one in safe mode stay up.
 */
final class DisabledIdleExit implements IdleWatch {
  private final boolean socketActivated;
  private final HelperState state;
  private final long idleNanos;

  DisabledIdleExit(boolean socketActivated, HelperState state, long idleMillis) {
    this.socketActivated = socketActivated;
    this.state = state;
    this.idleNanos = idleMillis * 1_000_000L;
  }

  private boolean applies() {
    return socketActivated && !state.enabled() && state.state() == RunState.DISABLED;
  }

  @Override
  public Exit check(long idle) {
    return applies() && idle >= idleNanos ? new Exit(0, "idle", "disabled and idle; the supervisor starts a new "
        + "helper on the next connection") : null;
  }

  @Override
  public long nanosLeft(long idle) {
    return applies() ? Math.max(0, idleNanos - idle) : -1;
  }
}
