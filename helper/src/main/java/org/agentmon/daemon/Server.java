package org.agentmon.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.agentmon.protocol.Caller;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.Messages;
import org.agentmon.protocol.Methods;
import org.agentmon.protocol.Request;
import org.agentmon.protocol.RpcException;
import org.agentmon.protocol.Status;
import org.newsclub.net.unix.AFUNIXSelectorProvider;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol server: one thread, one selector, non-blocking sockets. Reads lines, dispatches
 * them, writes replies and fans {@code status.changed} out to subscribers. Everything that touches a
 * connection runs on this thread; other threads hand work in with {@link #post}.
 */
final class Server {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);
  private static final long CLIENTS_COALESCE_NANOS = 200_000_000L;
  private static final long EXIT_GRACE_NANOS = 1_000_000_000L;
  private static final long WARNING_INTERVAL_NANOS = 10_000_000_000L;

  private final Selector selector;
  private final AFUNIXServerSocketChannel listener;
  private final SelectionKey listenerKey;
  private Dispatcher dispatcher;
  private final Authorizer authorizer;
  private final HelperState state;
  private final Limits limits;
  private final Admission admission;
  private final OutputBudget budget;
  private final Refusals refusals;
  private final RateLimitedLog warnings = new RateLimitedLog(LOG, WARNING_INTERVAL_NANOS);
  private final Set<Connection> connections = new HashSet<>();
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final ByteBuffer readBuf = ByteBuffer.allocate(16 * 1024);
  private volatile boolean broadcastPending;
  private long clientsDueNanos;
  private Exit exit;
  private long exitDeadlineNanos;
  private IdleWatch idleWatch = IdleWatch.NONE;

  Server(AFUNIXServerSocketChannel listener, Dispatcher dispatcher, Authorizer authorizer, HelperState state,
      Limits limits) throws IOException {
    this.selector = AFUNIXSelectorProvider.provider().openSelector();
    this.listener = listener;
    this.listenerKey = listener.register(selector, SelectionKey.OP_ACCEPT);
    this.dispatcher = dispatcher;
    this.authorizer = authorizer;
    this.state = state;
    this.limits = limits;
    this.admission = new Admission(limits);
    this.budget = new OutputBudget(limits.maxQueuedBytes());
    this.refusals = new Refusals(selector, warnings);
    state.onChange(() -> {
      broadcastPending = true;
      selector.wakeup();
    });
  }

  /** Sets the routing table; the handlers need the server, so it comes after construction. */
  void dispatcher(Dispatcher d) {
    this.dispatcher = d;
  }

  /** Lets lifecycle code decide to exit when nobody has been connected for a while. */
  void idleWatch(IdleWatch watch) {
    this.idleWatch = watch;
  }

  /** Runs {@code task} on the server thread, soon. Safe from any thread. */
  void post(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /** Serves until an exit is requested and every client has had its last bytes (or 1 s passed). */
  Exit run() throws IOException {
    long idleSince = System.nanoTime();
    while (true) {
      long timeout = timeoutMillis(idleSince);
      if (timeout == 0) {
        selector.select(); // nothing is due: block (junixsocket's select(0) would not)
      } else {
        selector.select(timeout);
      }
      Iterator<SelectionKey> it = selector.selectedKeys().iterator();
      while (it.hasNext()) {
        SelectionKey k = it.next();
        it.remove();
        if (refusals.handle(k)) {
          continue;
        }
        if (!k.isValid()) {
          // junixsocket cancels the key and closes the channel itself when poll reports a hang-up
          // or an error; the connection is over, whatever its last bytes were.
          if (k.attachment() instanceof Connection) {
            close((Connection) k.attachment());
          }
          continue;
        }
        if (k == listenerKey) {
          acceptAll();
        } else {
          Connection c = (Connection) k.attachment();
          if (k.isWritable()) {
            flush(c);
          }
          if (k.isValid() && k.isReadable()) {
            read(c);
          }
        }
      }
      for (Runnable t; (t = tasks.poll()) != null; ) {
        t.run();
      }
      budget.releaseAfterBurst();
      long now = System.nanoTime();
      if (broadcastPending || (clientsDueNanos != 0 && now - clientsDueNanos >= 0)) {
        broadcast();
      }
      if (exit != null) {
        if (closeFlushed() || now - exitDeadlineNanos >= 0) {
          for (Connection c : new ArrayList<>(connections)) {
            close(c);
          }
          refusals.closeAll();
          return exit;
        }
        continue;
      }
      expireIdle(now);
      if (!connections.isEmpty()) {
        idleSince = now;
      } else {
        Exit idle = idleWatch.check(now - idleSince);
        if (idle != null) {
          exitAfterFlush(idle);
        }
      }
    }
  }

  /** Stops accepting, lets every client read what is queued for it, then ends {@link #run()}. */
  void exitAfterFlush(Exit e) {
    if (exit != null) {
      return;
    }
    exit = e;
    exitDeadlineNanos = System.nanoTime() + EXIT_GRACE_NANOS;
    // Stop accepting; an inherited socket stays open so its backlog waits for the next instance.
    listenerKey.cancel();
    for (Connection c : connections) {
      c.closeAfterFlush();
    }
    LOG.info("exiting ({}): {}", e.code(), e.why());
  }

  boolean exiting() {
    return exit != null;
  }

  private long timeoutMillis(long idleSince) {
    long now = System.nanoTime();
    long next = Long.MAX_VALUE;
    if (exit != null) {
      next = exitDeadlineNanos;
    }
    if (clientsDueNanos != 0) {
      next = Math.min(next, clientsDueNanos);
    }
    for (long due : new long[] {warnings.flush(now), refusals.expire(now)}) {
      if (due != 0) {
        next = Math.min(next, due);
      }
    }
    long idleNanos = limits.clientIdleMillis() * 1_000_000L;
    for (Connection c : connections) {
      if (!c.subscribed()) {
        next = Math.min(next, c.lastActivityNanos() + idleNanos);
      }
    }
    if (connections.isEmpty()) {
      long watch = idleWatch.nanosLeft(now - idleSince);
      if (watch >= 0) {
        next = Math.min(next, now + watch);
      }
    }
    if (next == Long.MAX_VALUE) {
      return 0; // block until something happens: no polling while idle
    }
    return Math.max(1, (next - now) / 1_000_000L + 1);
  }

  private void acceptAll() {
    for (int i = 0; i < 64; i++) {
      AFUNIXSocketChannel ch;
      try {
        ch = listener.accept();
      } catch (IOException e) {
        warnings.warn("accept", "{} more accepts failed", "accept failed: {}", e.getMessage());
        return;
      }
      if (ch == null) {
        return;
      }
      accept(ch);
    }
  }

  private void accept(AFUNIXSocketChannel ch) {
    try {
      ch.configureBlocking(false);
      Caller caller = authorizer.authorize(ch.getPeerCredentials());
      Admission.Refusal no = admission.check(caller);
      if (no != null) {
        refusals.refuse(ch, caller, no, connections.size());
        return;
      }
      Connection c = new Connection(ch, caller, budget);
      c.key(ch.register(selector, SelectionKey.OP_READ, c));
      connections.add(c);
      admission.opened(caller);
      clientsChanged();
    } catch (IOException e) {
      // A client that gave up while waiting in the backlog: nothing to answer.
      LOG.debug("dropping a connection at accept: {}", e.getMessage());
      closeQuietly(ch);
    }
  }

  private void read(Connection c) {
    readBuf.clear();
    int n;
    try {
      n = c.channel().read(readBuf);
    } catch (IOException e) {
      close(c);
      return;
    }
    if (n < 0) {
      close(c);
      return;
    }
    c.touch();
    readBuf.flip();
    while (readBuf.hasRemaining() && !c.closing()) {
      int start = readBuf.position();
      int nl = -1;
      for (int i = start; i < readBuf.limit(); i++) {
        if (readBuf.get(i) == '\n') {
          nl = i;
          break;
        }
      }
      int len = (nl < 0 ? readBuf.limit() : nl) - start;
      if (!c.appendToLine(readBuf, len)) {
        oversize(c);
        return;
      }
      if (nl < 0) {
        return;
      }
      readBuf.get(); // the '\n'
      handleLine(c, c.takeLine());
    }
  }

  private void oversize(Connection c) {
    warnings.warn("oversize " + c.caller().uid(), "closed {} more connections from uid " + c.caller().uid()
        + " for over-long lines", "closing a connection from uid {} pid {}: a line over {} bytes", c.caller().uid(),
        c.caller().pid(), Connection.MAX_LINE);
    send(c, Messages.error(null, ErrorCodes.INVALID_REQUEST, "line exceeds " + Connection.MAX_LINE
        + " bytes without a newline: closing this connection"));
    c.closeAfterFlush();
    c.stopReading();
    closeIfFlushed(c);
  }

  private void handleLine(Connection c, byte[] line) {
    Request req = null;
    byte[] reply;
    try {
      if (isBlank(line)) {
        throw new RpcException(ErrorCodes.PARSE_ERROR, "empty line: send one JSON-RPC request per line", null);
      }
      req = Request.parse(line);
      if (exit != null && !Methods.STATUS.equals(req.method()) && !Methods.HELLO.equals(req.method())) {
        throw new RpcException(ErrorCodes.BUSY, "the helper is shutting down: try again in a moment", req.id());
      }
      Object result = dispatcher.dispatch(req.method(), new Handler.Call(c, req.id(), req.params()));
      if (!req.hasId()) {
        return; // a notification gets no answer
      }
      reply = Messages.result(req.id(), result);
    } catch (RpcException e) {
      if (req != null && !req.hasId()) {
        return;
      }
      reply = e.toLine();
    } catch (RuntimeException e) {
      warnings.error("internal " + e.getClass().getName(), "{} more internal errors ("
          + e.getClass().getSimpleName() + ")", "internal error handling a request", e);
      if (req != null && !req.hasId()) {
        return;
      }
      reply = Messages.error(req == null ? null : req.id(), ErrorCodes.INTERNAL_ERROR,
          "internal error: " + e.getClass().getSimpleName());
    }
    send(c, reply);
  }

  /** Sends one notification to every connection that follows the event trail. Server thread only. */
  void publishToFollowers(byte[] line) {
    for (Connection c : new ArrayList<>(connections)) {
      if (c.followsEvents()) {
        send(c, line);
      }
    }
  }

  /** @return who holds a subscription (the UsrTasks, mostly). Server thread only. */
  List<Caller> subscribers() {
    List<Caller> out = new ArrayList<>();
    for (Connection c : connections) {
      if (c.subscribed()) {
        out.add(c.caller());
      }
    }
    return out;
  }

  /** The status as this connection's caller sees it. */
  Status statusFor(Connection c) {
    return state.snapshot().forCaller(c.caller());
  }

  private void broadcast() {
    broadcastPending = false;
    clientsDueNanos = 0;
    Status base = state.snapshot();
    Map<Caller, byte[]> byCaller = new HashMap<>();
    List<Connection> subs = new ArrayList<>();
    for (Connection c : connections) {
      if (c.subscribed()) {
        subs.add(c);
      }
    }
    for (Connection c : subs) {
      byte[] line = byCaller.computeIfAbsent(c.caller(),
          who -> Messages.notification(Methods.STATUS_CHANGED, base.forCaller(who).toJson()));
      send(c, line);
    }
  }

  private void clientsChanged() {
    state.setClients(connections.size());
    if (clientsDueNanos == 0) {
      clientsDueNanos = System.nanoTime() + CLIENTS_COALESCE_NANOS;
    }
  }

  private void send(Connection c, byte[] bytes) {
    if (!connections.contains(c)) {
      return; // dropped earlier in this round
    }
    try {
      if (!c.send(bytes, limits.maxPendingBytes())) {
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

  private void flush(Connection c) {
    try {
      c.flush();
      closeIfFlushed(c);
    } catch (IOException e) {
      close(c);
    }
  }

  private void closeIfFlushed(Connection c) {
    if (c.closing() && c.flushed()) {
      close(c);
    }
  }

  private boolean closeFlushed() {
    for (Connection c : new ArrayList<>(connections)) {
      closeIfFlushed(c);
    }
    return connections.isEmpty();
  }

  private void expireIdle(long now) {
    long idleNanos = limits.clientIdleMillis() * 1_000_000L;
    List<Connection> idle = new ArrayList<>();
    for (Connection c : connections) {
      if (!c.subscribed() && now - c.lastActivityNanos() >= idleNanos) {
        idle.add(c);
      }
    }
    for (Connection c : idle) {
      LOG.debug("closing an idle connection from uid {}", c.caller().uid());
      close(c);
    }
  }

  private void close(Connection c) {
    if (connections.remove(c)) {
      closeQuietly(c.channel());
      c.discard();
      admission.closed(c.caller());
      clientsChanged();
    }
  }

  private static void closeQuietly(AFUNIXSocketChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      // nothing left to do for this client
    }
  }

  private static boolean isBlank(byte[] line) {
    for (byte b : line) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
