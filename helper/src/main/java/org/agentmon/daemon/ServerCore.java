package org.agentmon.daemon;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.slf4j.LoggerFactory;

/**
 * What the server loop shares with the rest of the helper: the inbox other threads post to, the open
 * connections, the status fan-out and the exit policy. It is built before the routing table, whose
 * handlers use it, and before the {@link Server} loop that drives it, so nothing is set afterwards.
 */
final class ServerCore {
  private static final long WARNING_INTERVAL_NANOS = 10_000_000_000L;

  final ServerTasks tasks;
  final AFUNIXServerSocketChannel listener;
  final SelectionKey listenerKey;
  /** Logs under the server's name, as these lines always were. */
  final RateLimitedLog warnings = new RateLimitedLog(LoggerFactory.getLogger(Server.class), WARNING_INTERVAL_NANOS);
  final Admission admission;
  /** The status as bytes, shared by the {@code status} answer and the fan-out. */
  final StatusBytes statusBytes;
  final StatusFanOut fanOut;
  final Connections connections;
  final ExitPolicy exitPolicy;

  ServerCore(AFUNIXServerSocketChannel listener, HelperState state, Limits limits, IdleWatch idleWatch)
      throws IOException {
    this.tasks = new ServerTasks();
    this.listener = listener;
    this.listenerKey = listener.register(tasks.selector(), SelectionKey.OP_ACCEPT);
    this.admission = new Admission(limits);
    this.statusBytes = new StatusBytes(state);
    this.fanOut = new StatusFanOut(state, statusBytes, tasks);
    this.connections = new Connections(tasks.selector(), limits, admission, warnings, fanOut::clientsChanged);
    // Stopping to accept leaves the socket open: an inherited one keeps its backlog for the next instance.
    this.exitPolicy = new ExitPolicy(connections, listenerKey::cancel, idleWatch);
  }

  /** From any thread: ends the server loop once every client has had its last bytes; the first exit wins. */
  void exitSoon(Exit e) {
    tasks.post(() -> exitPolicy.exitAfterFlush(e));
  }
}
