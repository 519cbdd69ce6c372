package org.agentmon.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.JsonException;
import org.agentmon.protocol.Messages;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * One connection to the helper: writes requests, and a reader thread that completes the pending
 * call with the same id or hands notifications to a listener. Closed for good on EOF.
 */
final class Wire implements AutoCloseable {
  private static final int MAX_LINE = 1 << 20;

  private final AFUNIXSocket socket;
  private final OutputStream out;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<Map<?, ?>>> pending = new ConcurrentHashMap<>();
  private final Consumer<Map<?, ?>> notifications;
  private final Consumer<IOException> onClosed;
  private volatile IOException closedBy;

  private Wire(AFUNIXSocket socket, Consumer<Map<?, ?>> notifications, Consumer<IOException> onClosed)
      throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.notifications = notifications;
    this.onClosed = onClosed;
    Thread reader = new Thread(this::readLoop, "agentmon-client-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Connects once, without retrying.
   *
   * @throws IOException when nothing accepts on the path
   */
  static Wire open(Path path, Consumer<Map<?, ?>> notifications, Consumer<IOException> onClosed)
      throws IOException {
    AFUNIXSocket s = AFUNIXSocket.newInstance();
    try {
      s.connect(AFUNIXSocketAddress.of(path));
    } catch (IOException e) {
      s.close();
      throw e;
    }
    return new Wire(s, notifications, onClosed);
  }

  /** Sends a request; the future completes with the whole response object. */
  CompletableFuture<Map<?, ?>> send(String method, Map<String, ?> params) {
    long id = ids.incrementAndGet();
    CompletableFuture<Map<?, ?>> f = new CompletableFuture<>();
    IOException closed = closedBy;
    if (closed != null) {
      f.completeExceptionally(closed);
      return f;
    }
    pending.put(id, f);
    byte[] line = Messages.request(id, method, params);
    try {
      synchronized (out) { // guards the interleaving of whole lines
        out.write(line);
        out.flush();
      }
    } catch (IOException e) {
      pending.remove(id);
      f.completeExceptionally(lost(e));
    }
    return f;
  }

  boolean isOpen() {
    return closedBy == null;
  }

  private void readLoop() {
    IOException end;
    try (InputStream in = new BufferedInputStream(socket.getInputStream(), 8192)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(512);
      int b;
      while ((b = in.read()) >= 0) {
        if (b != '\n') {
          if (line.size() >= MAX_LINE) {
            throw new IOException("helper sent a line over " + MAX_LINE + " bytes");
          }
          line.write(b);
          continue;
        }
        dispatch(line.toByteArray());
        line.reset();
      }
      end = new HelperUnavailableException("the helper closed the connection", null);
    } catch (IOException e) {
      end = lost(e);
    }
    finish(end, true);
  }

  private void dispatch(byte[] line) {
    Object msg;
    try {
      msg = Json.parse(line);
    } catch (JsonException e) {
      return; // not ours to answer; a helper never sends this
    }
    if (!(msg instanceof Map)) {
      return;
    }
    Map<?, ?> m = (Map<?, ?>) msg;
    Object id = m.get("id");
    if (id instanceof Number) {
      CompletableFuture<Map<?, ?>> f = pending.remove(((Number) id).longValue());
      if (f != null) {
        f.complete(m);
      }
    } else if (m.get("method") instanceof String && notifications != null) {
      notifications.accept(m);
    } else if (m.containsKey("error")) {
      // An error without our id: the helper refused the whole connection (e.g. at its limit).
      Map<?, ?> err = (Map<?, ?>) m.get("error");
      IOException e = new HelperException(((Number) err.get("code")).intValue(), String.valueOf(err.get("message")));
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
