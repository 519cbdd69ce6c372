package org.agentmon.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the server loop ends. Once an exit is asked for (stop, restart, a signal, idle) the server stops
 * accepting and each client gets up to 1 s to read its last bytes; while nobody is connected the
 * {@link IdleWatch} may ask for an exit. Server thread only.
 */
final class ExitPolicy {
  /** Logs under the server's name, as this line always was. */
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);
  private static final long EXIT_GRACE_NANOS = 1_000_000_000L;

  private final Connections connections;
  private final Runnable stopAccepting;
  private final IdleWatch idleWatch;
  private Exit exit;
  private long exitDeadlineNanos;
  private long idleSince = System.nanoTime();

  /** {@code stopAccepting} leaves the listening socket alone, so that its backlog waits for the next instance. */
  ExitPolicy(Connections connections, Runnable stopAccepting, IdleWatch idleWatch) {
    this.connections = connections;
    this.stopAccepting = stopAccepting;
    this.idleWatch = idleWatch;
  }

  /** The loop starts serving now: the idle time counts from here. */
  void serving(long now) {
    idleSince = now;
  }

  /** Stops accepting and lets every client read what is queued for it; the first exit asked for wins. */
  void exitAfterFlush(Exit e) {
    if (exit != null) {
      return;
    }
    exit = e;
    exitDeadlineNanos = System.nanoTime() + EXIT_GRACE_NANOS;
    stopAccepting.run();
    connections.closeAllAfterFlush();
    LOG.info("exiting ({}): {}", e.code(), e.why());
  }

  boolean exiting() {
    return exit != null;
  }

  /** @return the exit once every client has had its last bytes (or the grace time is over), else null */
  Exit done(long now) {
    return exit != null && (connections.closeFlushed() || now - exitDeadlineNanos >= 0) ? exit : null;
  }

  /** After a round while serving: with nobody connected, asks the idle watch whether to exit. */
  void checkIdle(long now) {
    if (!connections.isEmpty()) {
      idleSince = now;
    } else {
      Exit idle = idleWatch.check(now - idleSince);
      if (idle != null) {
        exitAfterFlush(idle);
      }
    }
  }

  /** @return when this policy next needs the loop awake, or {@link Long#MAX_VALUE} */
  long dueNanos(long now) {
    long next = exit != null ? exitDeadlineNanos : Long.MAX_VALUE;
    if (connections.isEmpty()) {
      long watch = idleWatch.nanosLeft(now - idleSince);
      if (watch >= 0) {
        next = Math.min(next, now + watch);
      }
    }
    return next;
  }
}
