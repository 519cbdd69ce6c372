package org.agentmon.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.agentmon.protocol.Caller;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open connections, server thread only: sending within the per-client and the shared output
 * bounds (a client that stops reading is dropped, not waited for), closing (which gives the slot back
 * to {@link Admission}), and the idle timeout of connections that wait for no notifications.
 */
final class Connections {
  /** Logs under the server's name, as these lines always were. */
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private final Set<Connection> open = new HashSet<>();
  private final Selector selector;
  private final Limits limits;
  private final Admission admission;
  private final OutputBudget budget;
  private final RateLimitedLog warnings;
  private final IntConsumer countChanged;
  /** What each first write of a line goes out from (see {@link Connection#send}); a status line fits many times. */
  private final ByteBuffer scratch = ByteBuffer.allocateDirect(32 * 1024);

  /** {@code countChanged} hears the new number of connections after each open and close. */
  Connections(Selector selector, Limits limits, Admission admission, RateLimitedLog warnings,
      IntConsumer countChanged) {
    this.selector = selector;
    this.limits = limits;
    this.admission = admission;
    this.budget = new OutputBudget(limits.maxQueuedBytes());
    this.warnings = warnings;
    this.countChanged = countChanged;
  }

  /** Serves an accepted channel (already non-blocking and admitted) as a new connection. */
  void open(AFUNIXSocketChannel ch, Caller caller) throws IOException {
    Connection c = new Connection(ch, caller, budget);
    c.key(ch.register(selector, SelectionKey.OP_READ, c));
    open.add(c);
    admission.opened(caller);
    countChanged.accept(open.size());
  }

  /** @return the open connections, a copy: the caller may close some */
  List<Connection> all() {
    return new ArrayList<>(open);
  }

  int size() {
    return open.size();
  }

  boolean isEmpty() {
    return open.isEmpty();
  }

  /** @return the subscribed connections, to send {@code status.changed} to */
  List<Connection> subscribed() {
    List<Connection> subs = new ArrayList<>();
    for (Connection c : open) {
      if (c.subscribed()) {
        subs.add(c);
      }
    }
    return subs;
  }

  /** @return who holds a subscription (the UsrTasks, mostly) */
  List<Caller> subscribers() {
    List<Caller> out = new ArrayList<>();
    for (Connection c : open) {
      if (c.subscribed()) {
        out.add(c.caller());
      }
    }
    return out;
  }

  /** Sends one notification to every connection that follows the event log. */
  void publishToFollowers(byte[] line) {
    for (Connection c : new ArrayList<>(open)) {
      if (c.followsEvents()) {
        send(c, line);
      }
    }
  }

  /** Queues bytes for {@code c}; drops it, or the client with the most unread output, past the bounds. */
  void send(Connection c, byte[] bytes) {
    if (!open.contains(c)) {
      return; // dropped earlier in this round
    }
    try {
      if (!c.send(bytes, limits.maxPendingBytes(), scratch)) {
        warnings.warn("slow " + c.caller().uid(), "dropped {} more clients of uid " + c.caller().uid()
            + " that stopped reading", "dropping a client that stopped reading (uid {}, pid {}): {} bytes unread",
            c.caller().uid(), c.caller().pid(), c.pendingBytes());
        close(c);
      }
    } catch (IOException e) {
      close(c);
    }
    for (Connection big; budget.over() && (big = budget.largest()) != null; ) {
      warnings.warn("budget " + big.caller().uid(), "dropped {} more clients of uid " + big.caller().uid()
          + " for the unread-output budget", "dropping the client with the most unread output (uid {}, pid {}, "
          + "{} bytes): all clients together have over {} bytes unread", big.caller().uid(), big.caller().pid(),
          big.pendingBytes(), budget.max());
      close(big);
    }
  }

  /** Ends a round of the server loop: the output budget may give back what a burst took. */
  void roundDone() {
    budget.releaseAfterBurst();
  }

  void flush(Connection c) {
    try {
      c.flush();
      closeIfFlushed(c);
    } catch (IOException e) {
      close(c);
    }
  }

  /** Closes a connection that stopped reading (an oversized line) once its last bytes are written. */
  void closeIfFlushed(Connection c) {
    if (c.closing() && c.flushed() && !c.reading()) {
      close(c); // one still reading is closed on the way out, by closeFlushed, after what it sent is answered
    }
  }

  /** Marks every connection to close once its last bytes are written. */
  void closeAllAfterFlush() {
    for (Connection c : open) {
      c.closeAfterFlush();
    }
  }

  /** @return whether every connection is closed, after closing those that have written everything */
  boolean closeFlushed() {
    for (Connection c : new ArrayList<>(open)) {
      if (c.closing() && c.flushed()) {
        close(c);
      }
    }
    return open.isEmpty();
  }

  void closeAll() {
    for (Connection c : new ArrayList<>(open)) {
      close(c);
    }
  }

  /** @return when the next connection that waits for no notifications times out, or {@link Long#MAX_VALUE} */
  long nextIdleDue() {
    long idleNanos = limits.clientIdleMillis() * 1_000_000L;
    long next = Long.MAX_VALUE;
    for (Connection c : open) {
      if (!c.listening()) {
        next = Math.min(next, c.lastActivityNanos() + idleNanos);
      }
    }
    return next;
  }

  /** Closes the connections that wait for no notifications and sent nothing for the idle timeout. */
  void expireIdle(long now) {
    long idleNanos = limits.clientIdleMillis() * 1_000_000L;
    List<Connection> idle = new ArrayList<>();
    for (Connection c : open) {
      if (!c.listening() && now - c.lastActivityNanos() >= idleNanos) {
        idle.add(c);
      }
    }
    for (Connection c : idle) {
      LOG.debug("closing an idle connection from uid {}", c.caller().uid());
      close(c);
    }
  }

  void close(Connection c) {
    if (open.remove(c)) {
      closeQuietly(c.channel());
      c.discard();
      admission.closed(c.caller());
      countChanged.accept(open.size());
    }
  }

  static void closeQuietly(AFUNIXSocketChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      // nothing left to do for this client
    }
  }
}
