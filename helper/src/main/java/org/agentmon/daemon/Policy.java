package org.agentmon.daemon;

/**
 * The lifecycle's tunables.
 *
 * @param idleExitMillis a socket-activated, disabled helper exits after this long with no client
 * @param crashLoopStarts this many quick crashes in the window put the next start in safe mode
 * @param crashLoopWindowMillis the window
 * @param minUptimeMillis a run shorter than this that ended badly counts as a quick crash
 */
record Policy(long idleExitMillis, int crashLoopStarts, long crashLoopWindowMillis, long minUptimeMillis) {
  static final Policy DEFAULT = new Policy(30_000, 5, 60_000, 30_000);
}
