package org.agentmon.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Subscribers that cost the bench as little as a client can, so the fan-out rows measure the helper
 * and not the bench: bare non-blocking Unix-socket channels served by one selector thread, each
 * sending the real {@code subscribe} line and reading raw bytes, without JSON. The JDK's own channels
 * and selector (epoll), not junixsocket's: junixsocket's selector polls every registered socket on
 * each select, and one thread reading 1,000 sockets that way took longer than the helper writing them
 * (p50 26 ms, against 9 ms for 1,000 {@code HelperClient} threads).
 * Once {@link #arm() armed}, the first complete line each connection reads is stamped with the time
 * the read that completed it returned (the whole line, not its first bytes), and kept to check,
 * outside the timing, that it is a {@code status.changed}. Lines before that (the answer, the
 * coalesced notifications of the connects) are read and dropped.
 */
final class RawSubscribers implements AutoCloseable {
  static final byte[] SUBSCRIBE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\"}\n".getBytes(StandardCharsets.US_ASCII);

  private final Selector selector;
  private final List<SocketChannel> channels = new ArrayList<>();
  private final long[] arrived;
  private final byte[][] lines;
  private final CountDownLatch answered;
  private final CountDownLatch heard;
  private final Thread loop;
  private volatile boolean armed;
  private volatile boolean closed;
  private volatile IOException failure;

  /** One connection's state, on the selector thread only. */
  private static final class Sub {
    final int index;
    final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    boolean answered;

    Sub(int index) {
      this.index = index;
    }
  }

  /** Connects {@code n} subscribers to {@code sock} and waits (30 s at most) until each has its answer. */
  static RawSubscribers subscribe(Path sock, int n) throws IOException, InterruptedException {
    RawSubscribers s = new RawSubscribers(n);
    try {
      for (int i = 0; i < n; i++) {
        SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(sock));
        s.channels.add(ch);
        ByteBuffer line = ByteBuffer.wrap(SUBSCRIBE);
        while (line.hasRemaining()) {
          ch.write(line); // still blocking: one short line
        }
        ch.configureBlocking(false);
        ch.register(s.selector, SelectionKey.OP_READ, new Sub(i));
      }
      s.loop.start();
      s.await(s.answered, "answered the subscription");
      for (byte[] answer : s.lines) {
        if (!new String(answer, StandardCharsets.UTF_8).contains("\"subscribed\":true")) {
          throw new IOException("not subscribed: " + new String(answer, StandardCharsets.UTF_8));
        }
      }
      return s;
    } catch (IOException | InterruptedException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private RawSubscribers(int n) throws IOException {
    selector = Selector.open();
    arrived = new long[n];
    lines = new byte[n][];
    answered = new CountDownLatch(n);
    heard = new CountDownLatch(n);
    loop = new Thread(this::serve, "bench-subscribers");
    loop.setDaemon(true);
  }

  /** From now on, the next complete line of each connection is the one timed. */
  void arm() {
    armed = true;
  }

  /** @return when (ns) each subscriber had read its first whole line after {@link #arm()}, a {@code status.changed} */
  long[] awaitChange() throws IOException, InterruptedException {
    await(heard, "got the change");
    for (byte[] line : lines) {
      String text = new String(line, StandardCharsets.UTF_8);
      if (!text.contains("\"method\":\"status.changed\"")) {
        throw new IOException("expected status.changed, got " + text);
      }
    }
    return arrived.clone();
  }

  private void await(CountDownLatch latch, String what) throws IOException, InterruptedException {
    boolean done = latch.await(30, TimeUnit.SECONDS);
    if (failure != null) {
      throw failure;
    }
    if (!done) {
      throw new IOException(latch.getCount() + " subscribers never " + what);
    }
  }

  private void serve() {
    ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    try {
      while (!closed) {
        selector.select();
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
          SelectionKey k = it.next();
          it.remove();
          Sub sub = (Sub) k.attachment();
          if (!k.isValid()) {
            throw new IOException("subscriber " + sub.index + ": the helper closed the connection");
          }
          read((SocketChannel) k.channel(), sub, buf);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        failure = e instanceof IOException ? (IOException) e : new IOException(e);
        while (answered.getCount() > 0) {
          answered.countDown();
        }
        while (heard.getCount() > 0) {
          heard.countDown();
        }
      }
    }
  }

  private void read(SocketChannel ch, Sub sub, ByteBuffer buf) throws IOException {
    buf.clear();
    int n = ch.read(buf);
    long now = System.nanoTime();
    if (n < 0) {
      throw new IOException("subscriber " + sub.index + ": EOF from the helper");
    }
    byte[] a = buf.array();
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (a[i] == '\n') {
        sub.line.write(a, start, i - start);
        lineDone(sub, now);
        start = i + 1;
      }
    }
    sub.line.write(a, start, n - start);
  }

  private void lineDone(Sub sub, long now) {
    if (!sub.answered) {
      sub.answered = true;
      lines[sub.index] = sub.line.toByteArray();
      answered.countDown();
    } else if (armed && arrived[sub.index] == 0) {
      arrived[sub.index] = now;
      lines[sub.index] = sub.line.toByteArray();
      heard.countDown();
    }
    sub.line.reset();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    selector.wakeup();
    try {
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SocketChannel ch : channels) {
      ch.close();
    }
    selector.close();
  }
}
