package org.agentmon.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.agentmon.client.HelperClient;
import org.agentmon.protocol.Caller;
import org.agentmon.protocol.Status;

/**
 * The helper's whole protocol stack in this process, on a Unix socket in a temporary directory:
 * bound the way the helper binds its own socket, built by the real start-up sequence
 * ({@link Startup}: state directory, event log, routing table, server loop) and served on a thread.
 * Tests speak the real protocol to {@link #socket} through {@link HelperClient} or a raw line
 * client, in milliseconds. A {@link CallerCheck} may stand in for the kernel's peer credentials, so
 * that a test can speak as a caller who is not an administrator; the process-level tests keep what
 * only processes show (signals, supervisors, crashes, real peer credentials).
 */
final class InProcessHelper implements AutoCloseable {
  final Path socket;
  final Path stateDir;
  final Startup startup;
  private final Listener listener;
  private final CompletableFuture<Exit> served;

  private InProcessHelper(Path dir, CallerCheck callers, Consumer<DaemonOptions.Builder> settings)
      throws IOException, StartupException {
    this.socket = dir.resolve("agentmon.sock");
    this.stateDir = dir.resolve("state");
    DaemonOptions.Builder options = DaemonOptions.defaults(socket).stateDir(stateDir)
        .configFile(dir.resolve("org.agentmon.helper.plist"));
    settings.accept(options);
    DaemonOptions opts = options.build();
    this.listener = OwnBind.bind(socket);
    try {
      this.startup = callers == null ? new Startup(opts, Map.of(), listener)
          : new Startup(opts, Map.of(), listener, callers);
    } catch (IOException | RuntimeException e) {
      listener.release();
      throw e;
    }
    this.served = CompletableFuture.supplyAsync(() -> {
      try {
        return startup.server.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** @return a helper whose callers are who the kernel says they are */
  static InProcessHelper start(Path dir) throws IOException, StartupException {
    return new InProcessHelper(dir, null, options -> { });
  }

  /** @return a helper started with these options (limits, admin group…) on top of the test's paths */
  static InProcessHelper start(Path dir, Consumer<DaemonOptions.Builder> settings)
      throws IOException, StartupException {
    return new InProcessHelper(dir, null, settings);
  }

  /** @return a helper whose every connection is the given uid, an administrator or not */
  static InProcessHelper startAs(Path dir, long uid, boolean admin) throws IOException, StartupException {
    return new InProcessHelper(dir, creds -> new Caller(uid, uid, creds.getPid(), admin), options -> { });
  }

  /** @return a connected client (the one UsrTask and the CLI use) */
  HelperClient client() throws IOException {
    return HelperClient.connect(socket, Duration.ofSeconds(10));
  }

  /** @return what {@code status} answers now */
  Status status() throws IOException {
    try (HelperClient c = client()) {
      return c.status();
    }
  }

  /** @return whether the server loop is still running */
  boolean serving() {
    return !served.isDone();
  }

  /** @return how the server loop ended, once it has */
  Exit awaitExit(Duration within) throws Exception {
    return served.get(within.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Ends the loop the way a signal does, then closes and unlinks the socket. */
  @Override
  public void close() throws Exception {
    if (!served.isDone()) {
      startup.lifecycle.terminate("the test is over");
    }
    try {
      awaitExit(Duration.ofSeconds(10));
    } finally {
      listener.release();
    }
  }
}
