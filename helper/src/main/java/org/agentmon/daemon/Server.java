package org.agentmon.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import org.agentmon.protocol.Caller;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.Messages;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol server's loop: one thread, one selector, non-blocking sockets. It accepts (or refuses)
 * connections and cuts what they send into lines; the per-connection work lives in {@link Requests},
 * {@link Connections}, {@link StatusFanOut} and {@link ExitPolicy}.
 */
final class Server {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private final ServerTasks tasks;
  private final Selector selector;
  private final AFUNIXServerSocketChannel listener;
  private final SelectionKey listenerKey;
  private final CallerCheck authorizer;
  private final Admission admission;
  private final RateLimitedLog warnings;
  private final Refusals refusals;
  private final StatusFanOut fanOut;
  private final Connections connections;
  private final ExitPolicy exitPolicy;
  private final AcceptPause acceptPause;
  private final Requests requests;
  /**
   * Where each read lands: direct, so that junixsocket reads into it without borrowing and copying
   * through its per-thread buffer pool; copied once into {@link #readBytes}, where lines are cut.
   */
  private final ByteBuffer readBuf = ByteBuffer.allocateDirect(16 * 1024);
  private final byte[] readBytes = new byte[readBuf.capacity()];

  Server(ServerCore core, CallerCheck authorizer, Dispatcher dispatcher) {
    this.tasks = core.tasks;
    this.selector = core.tasks.selector();
    this.listener = core.listener;
    this.listenerKey = core.listenerKey;
    this.authorizer = authorizer;
    this.admission = core.admission;
    this.warnings = core.warnings;
    this.refusals = new Refusals(selector, warnings);
    this.fanOut = core.fanOut;
    this.connections = core.connections;
    this.exitPolicy = core.exitPolicy;
    this.acceptPause = new AcceptPause(listenerKey);
    this.requests = new Requests(dispatcher, exitPolicy::exiting, connections, warnings);
  }

  /** Serves until an exit is requested and every client has had its last bytes (or 1 s passed). */
  Exit run() throws IOException {
    exitPolicy.serving(System.nanoTime());
    while (true) {
      long timeout = timeoutMillis();
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
            connections.close((Connection) k.attachment());
          }
          continue;
        }
        if (k == listenerKey) {
          acceptAll();
        } else {
          Connection c = (Connection) k.attachment();
          if (k.isWritable()) {
            connections.flush(c);
          }
          if (k.isValid() && k.isReadable()) {
            read(c);
          }
        }
      }
      tasks.runPosted();
      connections.roundDone();
      long now = System.nanoTime();
      fanOut.sendIfDue(now, connections);
      acceptPause.resumeIfDue(now);
      if (exitPolicy.exiting()) {
        answerWhatArrived();
        Exit exit = exitPolicy.done(now);
        if (exit != null) {
          connections.closeAll();
          refusals.closeAll();
          return exit;
        }
        continue;
      }
      connections.expireIdle(now);
      exitPolicy.checkIdle(now);
    }
  }

  private long timeoutMillis() {
    long now = System.nanoTime();
    long next = exitPolicy.dueNanos(now);
    for (long due : new long[] {fanOut.dueNanos(), warnings.flush(now), refusals.expire(now),
        acceptPause.dueNanos()}) {
      if (due != 0) {
        next = Math.min(next, due);
      }
    }
    next = Math.min(next, connections.nextIdleDue());
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
        acceptPause.pause(System.nanoTime()); // e.g. out of file descriptors: the backlog keeps the listener readable
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
      connections.open(ch, caller);
    } catch (IOException e) {
      // A client that gave up while waiting in the backlog: nothing to answer.
      LOG.debug("dropping a connection at accept: {}", e.getMessage());
      Connections.closeQuietly(ch);
    }
  }

  /**
   * On the way out, before a connection that has written everything is closed: reads what its client
   * sent meanwhile and answers it (the routing table decides what still runs), so that a request that
   * arrived is answered rather than reset by the close. The exit's grace time bounds this.
   */
  private void answerWhatArrived() {
    for (Connection c : connections.all()) {
      if (c.flushed() && c.reading()) {
        read(c);
      }
    }
  }

  /** Reads what the client sent and hands each complete line to {@link Requests}. */
  private void read(Connection c) {
    readBuf.clear();
    int n;
    try {
      n = c.channel().read(readBuf);
    } catch (IOException e) {
      connections.close(c);
      return;
    }
    if (n < 0) {
      connections.close(c);
      return;
    }
    c.touch();
    readBuf.flip();
    readBuf.get(readBytes, 0, n);
    int start = 0;
    while (start < n && c.reading()) { // also while exiting: what arrived is answered
      int nl = start;
      while (nl < n && readBytes[nl] != '\n') {
        nl++;
      }
      if (!c.appendToLine(readBytes, start, nl - start)) {
        oversize(c);
        return;
      }
      if (nl == n) {
        return;
      }
      start = nl + 1; // past the '\n'
      requests.handle(c, c.takeLine());
    }
  }

  private void oversize(Connection c) {
    warnings.warn("oversize " + c.caller().uid(), "closed {} more connections from uid " + c.caller().uid()
        + " for over-long lines", "closing a connection from uid {} pid {}: a line over {} bytes", c.caller().uid(),
        c.caller().pid(), Connection.MAX_LINE);
    connections.send(c, Messages.error(null, ErrorCodes.INVALID_REQUEST, "line exceeds " + Connection.MAX_LINE
        + " bytes without a newline: closing this connection"));
    c.closeAfterFlush();
    c.stopReading();
    connections.closeIfFlushed(c);
  }
}
