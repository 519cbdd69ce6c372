package org.agentmon.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.agentmon.Build;
import org.agentmon.files.PathTrust;
import org.agentmon.protocol.Messages;
import org.agentmon.protocol.Methods;
import org.agentmon.protocol.Status;
import org.agentmon.upstream.EventLog;
import org.agentmon.upstream.UpstreamConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code agentmon daemon}: wires socket, state, server and lifecycle, and owns the one exit. */
public final class Daemon {
  /** A supervised helper that cannot even get its socket waits this long before exiting. */
  private static final long FATAL_DELAY_MS = 10_000;
  private static final long AWAIT_SUPERVISOR_MS = 20_000;
  /** Longer than own bind's lock wait plus its connect probes. */
  private static final long ACQUIRE_WAIT_MS = 10_000;

  private final DaemonOptions opts;
  private final Map<String, String> env = System.getenv();
  private final CountDownLatch done = new CountDownLatch(1);
  /** Counted down once the socket is ours (or could not be had): a signal waits for it. */
  private final CountDownLatch acquired = new CountDownLatch(1);
  /** What the process exits with; a signal before an orderly end exits like the JVM does (128 + 15). */
  private volatile int exitCode = 143;
  private volatile Listener listener;
  private volatile Lifecycle lifecycle;
  private Logger log;

  private Daemon(DaemonOptions opts) {
    this.opts = opts;
  }

  /**
   * Runs the helper until it stops, restarts or is signalled.
   *
   * @param opts the options
   * @return the process exit status
   */
  public static int run(DaemonOptions opts) {
    return new Daemon(opts).run();
  }

  private int run() {
    // First of all: whatever way this process ends from here (a signal even while it binds, an
    // uncaught error, System.exit), the socket file it bound goes with it.
    Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "agentmon-shutdown"));
    int code = 1;
    try {
      code = start();
    } catch (RuntimeException | Error e) {
      if (log != null) {
        log.error("the helper failed", e);
      }
    } finally {
      acquired.countDown();
      Listener l = listener;
      if (l != null) {
        l.release();
      }
      exitCode = code;
      done.countDown();
    }
    return code;
  }

  private int start() {
    boolean stderrSafe = guardStdio();
    String logRefused = checkLogFile();
    LogSetup.target(logRefused == null ? opts.logFile() : null, stderrSafe, AdminGroup.resolve(opts.adminGroup()));
    log = LoggerFactory.getLogger(Daemon.class);
    try {
      if (logRefused != null) {
        throw new StartupException(logRefused);
      }
      listener = SocketSource.acquire(opts.socket(), env);
      acquired.countDown();
    } catch (StartupException e) {
      exitCode = 1;
      acquired.countDown();
      log.error("cannot start: {}", e.getMessage());
      if (stderrSafe && opts.logFile() != null && logRefused == null) {
        System.err.println("agentmon daemon: " + e.getMessage());
      }
      if (Fds.isSocket(0) || SocketSource.fromSystemdApplies(env) || SocketSource.fromLaunchdApplies(env)) {
        pause(FATAL_DELAY_MS); // supervised: never turn a fatal error into a tight respawn loop
      }
      return 1;
    }
    return serve(listener);
  }

  /** @return why {@code --log-file} cannot be trusted, or null (also when there is none) */
  private String checkLogFile() {
    if (opts.logFile() == null) {
      return null;
    }
    try {
      PathTrust.file(opts.logFile(), Identity.ownUid(), "log file");
      return null;
    } catch (IOException e) {
      return "--log-file " + opts.logFile() + ": " + e.getMessage();
    }
  }

  private int serve(Listener listener) {
    Supervisor supervisor = Supervisor.detect(env, listener.source());
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
      log.error(unusable);
    }
    HelperState state = new HelperState(listener.source(), supervisor.wire, enabled);
    RunHistory history = store == null ? null : RunHistory.load(store.files());
    long now = System.currentTimeMillis();
    String previousRun = null;
    if (history != null) {
      history.started(pid, state.instanceId(), now);
      saveHistory(history, state);
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
      log.error("safe mode: {}", why);
      state.setState(Status.SAFE_MODE, why);
    }

    Audit audit = new Audit(openSpool(store, state));
    audit.started(previousRun, state.instanceId(), listener.source(), supervisor.wire);
    boolean safeMode = Status.SAFE_MODE.equals(state.state());
    if (safeMode) {
      audit.safeMode(state.snapshot().reason());
    }
    // Safe mode runs nothing else: no configuration, no link; status then has no upstream.
    UpstreamWiring upstream = safeMode ? null : new UpstreamWiring(opts.configFiles(), store, state, audit);

    Restarter restarter = new Restarter(supervisor, listener.inherited(), new ProcessCommandRunner());
    Lifecycle lifecycle = new Lifecycle(store, state, history, audit, upstream == null ? () -> { } : upstream::run);
    Server server;
    try {
      server = new Server(listener.channel(), null, new Authorizer(Identity.ownUid(),
          AdminGroup.resolve(opts.adminGroup())), state, opts.limits());
    } catch (IOException e) {
      log.error("cannot start the server: {}", e.getMessage());
      return 1;
    }
    server.dispatcher(ControlHandlers.table(server, state, lifecycle, audit.log()));
    if (audit.log() != null) {
      audit.log().listen(ev -> {
        byte[] line = Messages.notification(Methods.EVENT, ev);
        server.post(() -> server.publishToFollowers(line));
      });
    }
    if (upstream != null) {
      upstream.load(server);
      if (state.enabled()) {
        upstream.run();
      }
    }
    server.idleWatch(new DisabledIdleExit(listener.inherited(), state, policy.idleExitMillis()));
    lifecycle.attach(server);
    this.lifecycle = lifecycle;

    log.info("AgentMon helper {} ({}) pid {} instance {} serving on a {} socket{}, supervisor {}, {}",
        Build.version(), Build.buildId(), pid, state.instanceId(), listener.source(),
        listener.path() == null ? "" : " at " + listener.path(), supervisor.wire, state.state());
    Exit exit;
    try {
      exit = server.run();
    } catch (IOException | RuntimeException e) {
      log.error("server failed", e);
      exit = new Exit(1, "error", "server failed: " + e);
    }
    int code = finish(exit, listener, restarter, history, state);
    log.info("exit {} ({})", code, exit.why());
    return code;
  }

  /** Ends the run: records it, then restarts the way the supervisor expects. */
  private int finish(Exit exit, Listener listener, Restarter restarter, RunHistory history, HelperState state) {
    int code = exit.code();
    if (exit.restart() && restarter.standalone()) {
      code = 0;
    }
    if (history != null) {
      history.ended(state.instanceId(), code, exit.how(), System.currentTimeMillis());
      saveHistory(history, state);
    }
    listener.release();
    if (!exit.restart()) {
      return code;
    }
    if (restarter.standalone()) {
      try {
        log.info("started replacement pid {}", Replacement.spawn(opts.args(), opts.logFile()).pid());
        return 0;
      } catch (IOException e) {
        log.error("could not start a replacement: {}", e.getMessage());
        return 1;
      }
    }
    if (restarter.askSupervisor()) {
      pause(AWAIT_SUPERVISOR_MS); // the supervisor stops this process; exit ourselves if it does not
    }
    return Restarter.EXIT_RESTART;
  }

  private void onShutdown() {
    // SIGTERM/SIGINT, or our own System.exit: end in order, then exit with our status. A signal
    // while the socket is being bound waits for the bind, so that the file is ours to remove; a
    // signal during start-up (no lifecycle yet) or an end that takes too long still removes it.
    try {
      acquired.await(ACQUIRE_WAIT_MS, TimeUnit.MILLISECONDS);
      Lifecycle l = lifecycle;
      if (l != null) {
        l.terminate("terminated by a signal");
        done.await(1500, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Listener l = listener;
    if (l != null) {
      l.release();
    }
    Runtime.getRuntime().halt(exitCode);
  }

  /** The event spool in the state directory, or null (and a problem in status) when it cannot be used. */
  private EventLog openSpool(StateStore store, HelperState state) {
    if (store == null) {
      return null;
    }
    try {
      return EventLog.open(store.files(), UpstreamConfig.DEFAULT_SPOOL_MAX_BYTES);
    } catch (IOException e) {
      log.error("cannot open the event spool: {}", e.getMessage());
      state.setProblem("cannot open the event spool in " + store.dir() + ": " + e.getMessage());
      return null;
    }
  }

  private void saveHistory(RunHistory history, HelperState state) {
    try {
      history.save();
    } catch (IOException e) {
      log.error("cannot write the run history: {}", e.getMessage());
      state.setProblem("cannot write the run history in " + opts.stateDir() + ": " + e.getMessage());
    }
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Keeps every byte off stdout/stderr when they are the socket; returns whether stderr is safe.
   * A stderr that is another socket (systemd's journal stream) is where the logs belong.
   */
  private static boolean guardStdio() {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    if (Fds.isSocket(1)) {
      System.setOut(nowhere);
    }
    if (Fds.isSocket(2) && (Fds.sameFile(2, 0) || Fds.sameFile(2, SocketSource.SD_LISTEN_FDS_START))) {
      System.setErr(nowhere);
      return false;
    }
    return true;
  }
}
