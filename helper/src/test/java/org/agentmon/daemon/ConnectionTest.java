package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.agentmon.protocol.Caller;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;

/**
 * A connection's output over a real socket pair whose other end does not read at first: the first
 * write of a line goes out from the server's direct scratch buffer, what the socket does not take is
 * queued from where that write stopped, and the reader gets every byte once and in order, lines
 * larger than the scratch buffer included.
 */
class ConnectionTest {
  private static final int SCRATCH = 4096;

  /** The server's end of a socket pair as a connection, registered like the server registers one. */
  private static Connection open(AFUNIXSocketChannel server, Selector selector) throws IOException {
    server.configureBlocking(false);
    Connection c = new Connection(server, new Caller(1000, 1000, 1, false), new OutputBudget(Long.MAX_VALUE));
    c.key(server.register(selector, SelectionKey.OP_READ, c));
    return c;
  }

  @Test
  void everyByteArrivesOnceAndInOrderThroughPartialWrites() throws Exception {
    AFUNIXSocketPair<AFUNIXSocketChannel> pair = AFUNIXSocketPair.open();
    try (AFUNIXSocketChannel server = pair.getSocket1(); AFUNIXSocketChannel client = pair.getSocket2();
        Selector selector = server.provider().openSelector()) {
      Connection c = open(server, selector);
      ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH);

      ByteArrayOutputStream sent = new ByteArrayOutputStream();
      for (int i = 0; i < 400; i++) {
        // Mostly lines that fit the scratch buffer, some that do not (written from the heap).
        byte[] line = line(i, i % 50 == 7 ? 3 * SCRATCH : 900);
        assertTrue(c.send(line, Long.MAX_VALUE, scratch), "within the limit");
        sent.write(line);
        scratch.clear().put(new byte[SCRATCH]); // the next line's write reuses it: nothing may still point into it
      }
      assertFalse(c.flushed(), "the socket took only part of it: the rest is queued");
      assertTrue(c.pendingBytes() > 0);

      CompletableFuture<byte[]> got = CompletableFuture.supplyAsync(() -> readAll(client, sent.size()));
      while (!c.flush()) {
        selector.select(100);
        selector.selectedKeys().clear();
      }
      assertArrayEquals(sent.toByteArray(), got.get(30, TimeUnit.SECONDS));
      assertEquals(0, c.pendingBytes(), "what was queued is given back to the budget once written");
    }
  }

  @Test
  void aClientPastItsLimitIsRefusedWithoutQueueing() throws Exception {
    AFUNIXSocketPair<AFUNIXSocketChannel> pair = AFUNIXSocketPair.open();
    try (AFUNIXSocketChannel server = pair.getSocket1(); AFUNIXSocketChannel client = pair.getSocket2();
        Selector selector = server.provider().openSelector()) {
      Connection c = open(server, selector);
      ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH);
      long limit = 64 * 1024;
      boolean accepted = true;
      for (int i = 0; i < 10_000 && accepted; i++) {
        accepted = c.send(line(i, 900), limit, scratch);
      }
      assertFalse(accepted, "a client that does not read is refused once over its limit");
      assertTrue(c.pendingBytes() <= limit, "never more than the limit queued: " + c.pendingBytes());
    }
  }

  private static byte[] line(int n, int size) {
    byte[] b = new byte[size];
    byte[] head = (n + ":").getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < size; i++) {
      b[i] = i < head.length ? head[i] : (byte) ('a' + (n + i) % 26);
    }
    b[size - 1] = '\n';
    return b;
  }

  private static byte[] readAll(AFUNIXSocketChannel client, int total) {
    ByteBuffer into = ByteBuffer.allocate(total);
    try {
      while (into.hasRemaining()) {
        if (client.read(into) < 0) {
          break;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return into.array();
  }
}
