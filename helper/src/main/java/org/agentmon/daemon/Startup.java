package org.agentmon.daemon;

import java.io.IOException;
import java.util.Map;
import org.agentmon.platform.ProcessCommandRunner;
import org.agentmon.protocol.Messages;
import org.agentmon.protocol.Methods;
import org.agentmon.protocol.Status;
import org.agentmon.upstream.EventLog;
import org.agentmon.upstream.UpstreamConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The helper's start-up sequence, once the socket is ours: state directory, run history and safe
 * mode, the event log, then the server's core, the upstream wiring, the lifecycle, the routing table
 * and the server loop, each built from the parts before it, so that nothing is wired by a setter.
 */
final class Startup {
  /** Logs under the daemon's name, as these lines always were. */
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  final Supervisor supervisor;
  final HelperState state;
  final RunHistory history;
  final Restarter restarter;
  final Lifecycle lifecycle;
  final Server server;
  private final DaemonOptions opts;

  /**
   * Builds the running helper; upstream starts loading its configuration on its own thread.
   *
   * @throws IOException when the server's selector cannot be had (the run is already recorded)
   */
  Startup(DaemonOptions opts, Map<String, String> env, Listener listener) throws IOException {
    this.opts = opts;
    this.supervisor = Supervisor.detect(env, listener.source());
    long pid = ProcessHandle.current().pid();

    StateStore store = null;
    String unusable = null;
    boolean enabled = false;
    try {
      store = StateStore.open(opts.stateDir(), Identity.ownUid());
      enabled = store.enabled();
    } catch (IOException e) {
      store = null;
      unusable = "cannot use the state directory: " + e.getMessage();
      LOG.error(unusable);
    }
    this.state = new HelperState(listener.source(), supervisor.wire, enabled);
    this.history = store == null ? null : RunHistory.load(store.files());
    long now = System.currentTimeMillis();
    String previousRun = null;
    if (history != null) {
      history.started(pid, state.instanceId(), now);
      saveHistory();
      previousRun = RunHistory.describe(history.previous());
      state.setHistory(previousRun, history.startsSince(now - 3_600_000));
    }
    Policy policy = opts.policy();
    int crashes = history == null ? 0
        : history.quickCrashesSince(now - policy.crashLoopWindowMillis(), policy.minUptimeMillis());
    if (unusable != null) {
      state.setState(Status.SAFE_MODE, unusable);
    } else if (crashes >= policy.crashLoopStarts()) {
      String why = "crash loop: " + crashes + " starts within " + policy.crashLoopWindowMillis() / 1000
          + " s that did not stay up " + policy.minUptimeMillis() / 1000 + " s; an administrator's "
          + "`agentmon restart` clears it";
      LOG.error("safe mode: {}", why);
      state.setState(Status.SAFE_MODE, why);
    }

    HelperEvents helperEvents = new HelperEvents(openEventLog(store));
    helperEvents.started(previousRun, state.instanceId(), listener.source(), supervisor.wire);
    boolean safeMode = Status.SAFE_MODE.equals(state.state());
    if (safeMode) {
      helperEvents.safeMode(state.snapshot().reason());
    }
    this.restarter = new Restarter(supervisor, listener.inherited(), new ProcessCommandRunner(Restarter.COMMAND_DEADLINE));
    ServerCore core;
    try {
      core = new ServerCore(listener.channel(), state, opts.limits(),
          new DisabledIdleExit(listener.inherited(), state, policy.idleExitMillis()));
    } catch (IOException e) {
      LOG.error("cannot start the server: {}", e.getMessage());
      throw e;
    }
    // Safe mode runs nothing else: no configuration, no link; status then has no upstream.
    UpstreamWiring upstream = safeMode ? null : new UpstreamWiring(opts.configFiles(), store, state, helperEvents, core);
    this.lifecycle = new Lifecycle(store, state, history, helperEvents, upstream == null ? () -> { } : upstream::run, core);
    this.server = new Server(core, new Authorizer(Identity.ownUid(), AdminGroup.resolve(opts.adminGroup())),
        ControlHandlers.table(state, core.statusBytes, lifecycle, helperEvents.log()));
    if (helperEvents.log() != null) {
      helperEvents.log().listen(ev -> {
        byte[] line = Messages.notification(Methods.EVENT, ev);
        core.tasks.post(() -> core.connections.publishToFollowers(line));
      });
    }
    if (upstream != null) {
      upstream.load();
      if (state.enabled()) {
        upstream.run();
      }
    }
  }

  /** Records how the run ended in the run history. */
  void ended(int code, String how) {
    if (history != null) {
      history.ended(state.instanceId(), code, how, System.currentTimeMillis());
      saveHistory();
    }
  }

  /** The event log in the state directory, or null (and a problem in status) when it cannot be used. */
  private EventLog openEventLog(StateStore store) {
    if (store == null) {
      return null;
    }
    try {
      return EventLog.open(store.files(), UpstreamConfig.DEFAULT_SPOOL_MAX_BYTES);
    } catch (IOException e) {
      LOG.error("cannot open the event log: {}", e.getMessage());
      state.setProblem("cannot open the event log in " + store.dir() + ": " + e.getMessage());
      return null;
    }
  }

  private void saveHistory() {
    try {
      history.save();
    } catch (IOException e) {
      LOG.error("cannot write the run history: {}", e.getMessage());
      state.setProblem("cannot write the run history in " + opts.stateDir() + ": " + e.getMessage());
    }
  }
}
