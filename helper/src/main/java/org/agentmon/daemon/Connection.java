package org.agentmon.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import org.agentmon.protocol.Caller;
import org.agentmon.protocol.Json;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * One client connection, touched only by the server thread: the partial line read so far, the
 * bytes not yet written (bounded per connection, and counted in the shared {@link OutputBudget}, so
 * clients that stop reading cannot make the helper hold unbounded memory or delay anyone else), and
 * what it asked to be told: {@code status.changed} (a subscription, the app's session) or the events
 * of the trail (a follower); either keeps it open while it is quiet.
 */
final class Connection {
  static final int MAX_LINE = 64 * 1024;
  /** What one queued buffer costs besides its bytes (the ByteBuffer and its slot), charged to the budget. */
  static final int QUEUED_BUFFER_COST = 64;

  private final AFUNIXSocketChannel channel;
  private final Caller caller;
  private final OutputBudget budget;
  private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
  private SelectionKey key;
  private byte[] line = new byte[256];
  private int lineLen;
  private long pendingBytes;
  private boolean subscribed;
  private boolean followsEvents;
  private boolean closeAfterFlush;
  private long lastActivityNanos = System.nanoTime();
  private byte[] callerJson;

  Connection(AFUNIXSocketChannel channel, Caller caller, OutputBudget budget) {
    this.channel = channel;
    this.caller = caller;
    this.budget = budget;
  }

  AFUNIXSocketChannel channel() {
    return channel;
  }

  Caller caller() {
    return caller;
  }

  /** @return the caller as the JSON object in its status, encoded once for this connection */
  byte[] callerJson() {
    if (callerJson == null) {
      callerJson = Json.write(caller.toJson());
    }
    return callerJson;
  }

  void key(SelectionKey k) {
    this.key = k;
  }

  /** @return whether it gets {@code status.changed}: an app's session, counted upstream */
  boolean subscribed() {
    return subscribed;
  }

  void subscribe() {
    subscribed = true;
  }

  /** {@code events} with {@code follow}: gets every new event, and nothing else unasked. */
  void followEvents() {
    followsEvents = true;
  }

  boolean followsEvents() {
    return followsEvents;
  }

  /** @return whether it waits for notifications, so quiet is no reason to close it */
  boolean listening() {
    return subscribed || followsEvents;
  }

  /** Ignores further input: after an oversized line nothing more is read from this client. */
  void stopReading() {
    key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
  }

  /** @return whether input is still read: not after an oversized line, nor once the connection is closed */
  boolean reading() {
    return key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_READ) != 0;
  }

  boolean closing() {
    return closeAfterFlush;
  }

  void closeAfterFlush() {
    closeAfterFlush = true;
  }

  long lastActivityNanos() {
    return lastActivityNanos;
  }

  void touch() {
    lastActivityNanos = System.nanoTime();
  }

  long pendingBytes() {
    return pendingBytes;
  }

  /**
   * Appends {@code length} bytes of {@code src} from {@code from} to the current line; false if that
   * would make it longer than {@link #MAX_LINE}.
   */
  boolean appendToLine(byte[] src, int from, int length) {
    if (lineLen + length > MAX_LINE) {
      return false;
    }
    if (lineLen + length > line.length) {
      byte[] bigger = new byte[Math.min(MAX_LINE, Math.max(line.length * 2, lineLen + length))];
      System.arraycopy(line, 0, bigger, 0, lineLen);
      line = bigger;
    }
    System.arraycopy(src, from, line, lineLen, length);
    lineLen += length;
    return true;
  }

  /** Takes the complete line read so far and starts a new one. */
  byte[] takeLine() {
    int len = lineLen;
    if (len > 0 && line[len - 1] == '\r') {
      len--; // tolerate CRLF from terminals
    }
    byte[] l = new byte[len];
    System.arraycopy(line, 0, l, 0, len);
    lineLen = 0;
    if (line.length > 4096) {
      line = new byte[256]; // give back what one big line took
    }
    return l;
  }

  /**
   * Queues bytes and writes what the socket takes now.
   *
   * @param scratch a direct buffer of the server thread's to write from: junixsocket writes a heap
   *     buffer by borrowing a direct one from a per-thread pool and copying into it, on every write
   * @return false if the client has more than {@code limit} bytes unread: drop it
   */
  boolean send(byte[] bytes, long limit, ByteBuffer scratch) throws IOException {
    if (!out.isEmpty()) {
      if (pendingBytes + bytes.length > limit) {
        return false;
      }
      out.add(ByteBuffer.wrap(bytes));
      queued(bytes.length, 1);
      return true;
    }
    int written;
    if (bytes.length <= scratch.capacity()) {
      scratch.clear();
      scratch.put(bytes).flip();
      written = channel.write(scratch);
    } else {
      written = channel.write(ByteBuffer.wrap(bytes));
    }
    if (written < bytes.length) {
      ByteBuffer rest = ByteBuffer.wrap(bytes, written, bytes.length - written);
      out.add(rest);
      queued(rest.remaining(), 1);
      key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
    }
    return true;
  }

  /** Writes queued bytes; returns true when nothing is left. */
  boolean flush() throws IOException {
    while (!out.isEmpty()) {
      ByteBuffer b = out.peek();
      queued(-channel.write(b), 0);
      if (b.hasRemaining()) {
        key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        return false;
      }
      out.poll();
      queued(0, -1);
    }
    if (key.isValid()) {
      key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
    }
    return true;
  }

  boolean flushed() {
    return out.isEmpty();
  }

  /** Forgets what is queued, giving it back to the budget: the connection has ended. */
  void discard() {
    int buffers = out.size();
    out.clear();
    queued(-pendingBytes, -buffers);
  }

  private void queued(long bytes, int buffers) {
    pendingBytes += bytes;
    budget.changed(this, bytes + (long) buffers * QUEUED_BUFFER_COST);
  }
}
