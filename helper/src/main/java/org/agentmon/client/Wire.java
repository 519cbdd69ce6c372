package org.agentmon.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.JsonException;
import org.agentmon.protocol.Messages;
import org.agentmon.protocol.Methods;

/**
 * One connection to the helper. Until a stream starts (a subscription), calls are synchronous: the
 * calling thread writes its request and reads its own answer, which keeps a round trip to two
 * socket operations. After a call that starts a stream, a reader thread owns the input: it
 * completes the pending call with the same id and hands notifications to a listener. Closed for
 * good on EOF. A synchronous call ends at its {@link Deadline}, however the helper dribbles.
 */
final class Wire implements AutoCloseable {
  private static final int MAX_LINE = 1 << 20;

  private final Path path;
  private final Socket socket;
  private final OutputStream out;
  private final LineReader lines;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<Map<?, ?>>> pending = new ConcurrentHashMap<>();
  private final Consumer<Map<?, ?>> notifications;
  private final Consumer<IOException> onClosed;
  /** Guards the synchronous exchanges and the hand-over of the input to the reader thread. */
  private final Object exchange = new Object();
  /** The last status answer, under {@link #exchange}. */
  private final RepeatedAnswers repeated = new RepeatedAnswers();
  private volatile boolean streaming;
  private volatile IOException closedBy;

  private Wire(Path path, Socket socket, Consumer<Map<?, ?>> notifications, Consumer<IOException> onClosed)
      throws IOException {
    this.path = path;
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.lines = new LineReader(socket.getInputStream(), MAX_LINE, socket::setSoTimeout);
    this.notifications = notifications;
    this.onClosed = onClosed;
  }

  /**
   * Connects, retrying while nothing accepts, see {@link Dial#open}.
   *
   * @throws IOException when nothing accepts on the path in time
   */
  static Wire open(Path path, Duration retryFor, Deadline deadline, Consumer<Map<?, ?>> notifications,
      Consumer<IOException> onClosed) throws IOException {
    return new Wire(path, Dial.open(path, retryFor, deadline), notifications, onClosed);
  }

  /**
   * Sends a request; the future completes with the whole response object.
   *
   * @param thenStream whether the helper will push notifications on this connection after answering
   * @param deadline when a synchronous call gives up; a streaming connection's caller waits on the future
   */
  CompletableFuture<Map<?, ?>> send(String method, Map<String, ?> params, boolean thenStream, Deadline deadline) {
    if (!streaming) {
      synchronized (exchange) {
        if (!streaming) {
          return exchange(method, params, thenStream, deadline);
        }
      }
    }
    long id = ids.incrementAndGet();
    CompletableFuture<Map<?, ?>> f = new CompletableFuture<>();
    IOException closed = closedBy;
    if (closed != null) {
      f.completeExceptionally(closed);
      return f;
    }
    pending.put(id, f);
    try {
      write(Messages.request(id, method, params));
    } catch (IOException e) {
      pending.remove(id);
      f.completeExceptionally(lost(e));
    }
    return f;
  }

  boolean isOpen() {
    return closedBy == null;
  }

  /** A synchronous call on this thread; starts the reader afterwards if the call starts a stream. */
  private CompletableFuture<Map<?, ?>> exchange(String method, Map<String, ?> params, boolean thenStream,
      Deadline deadline) {
    CompletableFuture<Map<?, ?>> f = new CompletableFuture<>();
    IOException closed = closedBy;
    if (closed != null) {
      f.completeExceptionally(closed);
      return f;
    }
    long id = ids.incrementAndGet();
    boolean repeatable = Methods.STATUS.equals(method) && params == null;
    try {
      write(Messages.request(id, method, params));
      while (!f.isDone()) {
        byte[] line = lines.readLine(deadline);
        if (line == null) {
          throw new HelperUnavailableException("the helper closed the connection", null);
        }
        Map<?, ?> same = repeatable ? repeated.same(line, id) : null;
        if (same != null) {
          f.complete(same); // this call's answer, the same as the last one
          continue;
        }
        Map<?, ?> m = decode(line);
        boolean ours = m != null && m.get("id") instanceof Number && ((Number) m.get("id")).longValue() == id;
        if (ours && repeatable) {
          repeated.remember(line, id, m);
        }
        // An error without an id refuses the whole connection (e.g. at the helper's limit): with one
        // call outstanding, it is this call's answer.
        boolean refusal = m != null && m.get("id") == null && m.get("error") instanceof Map;
        if (ours || refusal) {
          f.complete(m);
        } else if (m != null) {
          dispatch(m);
        }
      }
      if (thenStream) {
        lines.waitForever();
        streaming = true;
        Thread reader = new Thread(this::readLoop, "agentmon-client-reader");
        reader.setDaemon(true);
        reader.start();
      }
    } catch (SocketTimeoutException e) {
      // A late answer would be taken for the next call's: this connection is done.
      IOException end = new NoAnswerException(path, deadline, null);
      finish(end, true);
      f.completeExceptionally(end);
    } catch (IOException e) {
      IOException end = lost(e);
      finish(end, true);
      f.completeExceptionally(end);
    }
    return f;
  }

  private void write(byte[] line) throws IOException {
    synchronized (out) { // guards the interleaving of whole lines
      out.write(line);
      out.flush();
    }
  }

  private void readLoop() {
    IOException end;
    try {
      byte[] line;
      while ((line = lines.readLine(null)) != null) {
        Map<?, ?> m = decode(line);
        if (m != null) {
          dispatch(m);
        }
      }
      end = new HelperUnavailableException("the helper closed the connection", null);
    } catch (IOException e) {
      end = lost(e);
    }
    finish(end, true);
  }

  private static Map<?, ?> decode(byte[] line) {
    try {
      Object msg = Json.parse(line);
      return msg instanceof Map ? (Map<?, ?>) msg : null;
    } catch (JsonException e) {
      return null; // not ours to answer; a helper never sends this
    }
  }

  private void dispatch(Map<?, ?> m) {
    Object id = m.get("id");
    if (id instanceof Number) {
      CompletableFuture<Map<?, ?>> f = pending.remove(((Number) id).longValue());
      if (f != null) {
        f.complete(m);
      }
    } else if (m.get("method") instanceof String && notifications != null) {
      notifications.accept(m);
    } else if (m.get("error") instanceof Map) {
      // An error without our id: the helper refused the whole connection (e.g. at its limit).
      Map<?, ?> err = (Map<?, ?>) m.get("error");
      int code = err.get("code") instanceof Number ? ((Number) err.get("code")).intValue() : 0;
      IOException e = new HelperException(code, String.valueOf(err.get("message")));
      pending.values().forEach(f -> f.completeExceptionally(e));
      pending.clear();
    }
  }

  private static IOException lost(IOException e) {
    if (e instanceof SocketException || e instanceof java.io.EOFException) {
      return new HelperUnavailableException("lost the connection to the helper: " + e.getMessage(), e);
    }
    return e;
  }

  private void finish(IOException end, boolean notify) {
    synchronized (this) {
      if (closedBy != null) {
        return;
      }
      closedBy = end;
    }
    pending.values().forEach(f -> f.completeExceptionally(end));
    pending.clear();
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
    if (notify && onClosed != null) {
      onClosed.accept(end);
    }
  }

  @Override
  public void close() {
    finish(new HelperUnavailableException("the client closed the connection", null), false);
  }
}
