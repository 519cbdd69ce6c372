package org.agentmon.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.agentmon.Build;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code agentmon daemon}: wires socket, state, server and lifecycle, and owns the one exit. */
public final class Daemon {
  private Daemon() {}

  /**
   * Runs the helper until it stops, restarts or is signalled.
   *
   * @param opts the options
   * @return the process exit status
   */
  public static int run(DaemonOptions opts) {
    Map<String, String> env = System.getenv();
    boolean stderrSafe = guardStdio();
    LogSetup.target(opts.logFile(), stderrSafe);
    Logger log = LoggerFactory.getLogger(Daemon.class);
    Listener listener;
    try {
      listener = SocketSource.acquire(opts.socket(), env);
    } catch (StartupException e) {
      log.error("cannot start: {}", e.getMessage());
      if (stderrSafe && opts.logFile() != null) {
        System.err.println("agentmon daemon: " + e.getMessage());
      }
      return 1;
    }
    StateStore store;
    try {
      store = StateStore.open(opts.stateDir(), Identity.ownUid());
    } catch (IOException e) {
      log.error("cannot use the state directory: {}", e.getMessage());
      if (stderrSafe && opts.logFile() != null) {
        System.err.println("agentmon daemon: " + e.getMessage());
      }
      listener.release();
      return 1;
    }
    Supervisor supervisor = Supervisor.detect(env, listener.source());
    HelperState state = new HelperState(listener.source(), supervisor.wire, store.enabled());
    Lifecycle lifecycle = new Lifecycle(store, state);
    Server server;
    try {
      server = new Server(listener.channel(), null, new Authorizer(Identity.ownUid(),
          AdminGroup.resolve(opts.adminGroup())), state, opts.limits());
    } catch (IOException e) {
      log.error("cannot start the server: {}", e.getMessage());
      listener.release();
      return 1;
    }
    server.dispatcher(ControlHandlers.table(server, state, lifecycle));
    lifecycle.attach(server);

    CountDownLatch done = new CountDownLatch(1);
    int[] code = {0};
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // SIGTERM/SIGINT, or our own System.exit below: end in order, then exit with our status.
      lifecycle.terminate("terminated by a signal");
      try {
        done.await(1500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Runtime.getRuntime().halt(code[0]);
    }, "agentmon-shutdown"));

    log.info("AgentMon helper {} ({}) pid {} instance {} serving on a {} socket{}, supervisor {}, {}",
        Build.version(), Build.buildId(), ProcessHandle.current().pid(), state.instanceId(), listener.source(),
        listener.path() == null ? "" : " at " + listener.path(), supervisor.wire,
        state.enabled() ? "enabled" : "disabled");
    Exit exit;
    try {
      exit = server.run();
    } catch (IOException | RuntimeException e) {
      log.error("server failed", e);
      exit = new Exit(1, false, "server failed: " + e);
    }
    listener.release();
    if (exit.replace()) {
      try {
        Process p = Replacement.spawn(opts.args(), opts.logFile());
        log.info("started replacement pid {}", p.pid());
      } catch (IOException e) {
        log.error("could not start a replacement: {}", e.getMessage());
        exit = new Exit(1, false, "replacement failed");
      }
    }
    log.info("exit {}", exit.code());
    code[0] = exit.code();
    done.countDown();
    return exit.code();
  }

  /** Keeps every byte off stdout/stderr when they are the socket; returns whether stderr is safe. */
  private static boolean guardStdio() {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    if (Fds.isSocket(1)) {
      System.setOut(nowhere);
    }
    if (Fds.isSocket(2)) {
      System.setErr(nowhere);
      return false;
    }
    return true;
  }
}
