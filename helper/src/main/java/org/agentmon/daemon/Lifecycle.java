package org.agentmon.daemon;

import java.io.IOException;
import org.agentmon.protocol.Caller;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.RpcException;
import org.agentmon.protocol.RunState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stop, start, restart and signals: the only code that decides the helper ends. Recording comes
 * first: an action is written to the event log with who asked, then the enabled flag, and only
 * then is it made and acknowledged; if either cannot be written the action is refused and not
 * made. The exit itself happens after the answer has been queued, by ending the server loop.
 */
final class Lifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

  private final StateStore store;
  private final HelperState state;
  private final RunHistory history;
  private final HelperEvents helperEvents;
  private final Runnable onEnabled;
  private final ServerCore server;

  /**
   * {@code store} and {@code history} are null when the state directory cannot be used; {@code
   * onEnabled} runs after {@code start} (it starts the upstream client); {@code server} ends the loop.
   */
  Lifecycle(StateStore store, HelperState state, RunHistory history, HelperEvents helperEvents, Runnable onEnabled,
      ServerCore server) {
    this.store = store;
    this.state = state;
    this.history = history;
    this.helperEvents = helperEvents;
    this.onEnabled = onEnabled;
    this.server = server;
  }

  void stop(Caller who, Object id) throws RpcException {
    requireStore(id);
    recorded("stop", () -> helperEvents.stopped(who), id);
    persist(false, who, id);
    LOG.info("stop requested by uid {} pid {}", who.uid(), who.pid());
    state.setEnabled(false);
    state.setState(RunState.STOPPING, "stopped by uid " + who.uid());
    server.exitSoon(new Exit(0, "stop", "stopped by uid " + who.uid()));
  }

  void start(Caller who, Object id) throws RpcException {
    if (state.state() == RunState.SAFE_MODE) {
      throw new RpcException(ErrorCodes.BUSY, "the helper is in safe mode (" + state.snapshot().reason()
          + "): use `agentmon restart` to leave it", id);
    }
    requireStore(id);
    recorded("start", () -> helperEvents.enabled(who), id);
    persist(true, who, id);
    LOG.info("start requested by uid {} pid {}", who.uid(), who.pid());
    state.setEnabled(true);
    onEnabled.run();
  }

  void restart(Caller who, Object id) throws RpcException {
    recorded("restart", () -> helperEvents.restartRequested(who), id);
    LOG.info("restart requested by uid {} pid {}", who.uid(), who.pid());
    if (history != null) {
      history.clear(); // an administrator's restart ends a crash loop
    }
    state.setState(RunState.STOPPING, "restarting at the request of uid " + who.uid());
    server.exitSoon(new Exit(Restarter.EXIT_RESTART, "restart", "restart requested by uid " + who.uid()));
  }

  /** From a signal handler's thread: end like {@code stop}, but leave the enabled flag alone. */
  void terminate(String why) {
    server.tasks.post(() -> {
      if (!server.exitPolicy.exiting()) {
        helperEvents.terminated(why);
        state.setState(RunState.STOPPING, why);
        server.exitPolicy.exitAfterFlush(new Exit(0, "signal", why));
      }
    });
  }

  private void requireStore(Object id) throws RpcException {
    if (store == null) {
      throw new RpcException(ErrorCodes.NOT_PERSISTED, "the state directory is unusable ("
          + state.snapshot().reason() + "); nothing was changed", id);
    }
  }

  /** Writes the action's event, or refuses the action. */
  private void recorded(String action, RecordStep step, Object id) throws RpcException {
    try {
      step.run();
    } catch (IOException e) {
      String msg = "could not record the " + action + " in the event log (" + e.getMessage() + ")";
      LOG.error(msg);
      state.setProblem(msg);
      throw new RpcException(ErrorCodes.NOT_PERSISTED, msg + "; nothing was changed", id);
    }
  }

  private void persist(boolean enabled, Caller who, Object id) throws RpcException {
    try {
      store.setEnabled(enabled);
      state.setProblem(null);
    } catch (IOException e) {
      String msg = "could not " + (enabled ? "set" : "clear") + " the enabled flag in " + store.dir() + ": "
          + e.getMessage();
      LOG.error(msg);
      state.setProblem(msg);
      helperEvents.notMade(enabled ? "start" : "stop", who, msg);
      throw new RpcException(ErrorCodes.NOT_PERSISTED, msg + "; nothing was changed", id);
    }
  }

  /** One event-log write, which may fail. */
  private interface RecordStep {
    void run() throws IOException;
  }
}
