package org.agentmon.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.agentmon.Build;
import org.agentmon.files.PathTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code agentmon daemon}: takes the socket, starts the helper through {@link Startup}, and owns the one exit. */
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
    Startup started;
    try {
      started = new Startup(opts, env, listener);
    } catch (IOException e) {
      return 1; // logged by the start-up sequence
    }
    this.lifecycle = started.lifecycle;
    log.info("AgentMon helper {} ({}) pid {} instance {} serving on a {} socket{}, supervisor {}, {}",
        Build.version(), Build.buildId(), ProcessHandle.current().pid(), started.state.instanceId(),
        listener.source(), listener.path() == null ? "" : " at " + listener.path(), started.supervisor.wire,
        started.state.state());
    Exit exit;
    try {
      exit = started.server.run();
    } catch (IOException | RuntimeException e) {
      log.error("server failed", e);
      exit = new Exit(1, "error", "server failed: " + e);
    }
    int code = finish(exit, listener, started);
    log.info("exit {} ({})", code, exit.why());
    return code;
  }

  /** Ends the run: records it, then restarts the way the supervisor expects. */
  private int finish(Exit exit, Listener listener, Startup started) {
    Restarter restarter = started.restarter;
    int code = exit.code();
    if (exit.restart() && restarter.standalone()) {
      code = 0;
    }
    started.ended(code, exit.how());
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
