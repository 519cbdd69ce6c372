package org.agentmon.daemon;

/**
 * Decides whether the helper should exit after nobody has been connected for a while (a
 * socket-activated helper that is disabled hands the socket back to its supervisor).
 */
interface IdleWatch {
  /** Never exits. */
  IdleWatch NONE = new IdleWatch() {
    @Override
    public Exit check(long idleNanos) {
      return null;
    }

    @Override
    public long nanosLeft(long idleNanos) {
      return -1;
    }
  };

  /** @return the exit to take now, or null to keep serving */
  Exit check(long idleNanos);

  /** @return how long until {@link #check} may say exit, or -1 for never */
  long nanosLeft(long idleNanos);
}
