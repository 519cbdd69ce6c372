package org.agentmon.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.util.Iterator;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * The floor of the helper's design: {@code SelectorEcho PATH} echoes what each client sends, as
 * {@link EchoServer} does, but the way the helper serves, with one thread, one junixsocket selector
 * and non-blocking sockets. It does no other work, so what rows 1 and 2 lose against the
 * thread-per-client echo here is the cost of serving from one selector thread, and what the helper
 * loses against this is its own work.
 */
final class SelectorEcho {
  private SelectorEcho() {}

  public static void main(String[] args) throws IOException {
    AFUNIXServerSocketChannel server = AFUNIXServerSocketChannel.open();
    server.bind(AFUNIXSocketAddress.of(Path.of(args[0])));
    server.configureBlocking(false);
    Selector selector = server.provider().openSelector();
    server.register(selector, SelectionKey.OP_ACCEPT);
    ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
    while (true) {
      selector.select();
      Iterator<SelectionKey> it = selector.selectedKeys().iterator();
      while (it.hasNext()) {
        SelectionKey k = it.next();
        it.remove();
        if (!k.isValid()) {
          continue;
        }
        if (k.isAcceptable()) {
          AFUNIXSocketChannel c = server.accept();
          if (c != null) {
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_READ);
          }
        } else {
          echo(k, buf);
        }
      }
    }
  }

  /** One request in flight per client (the bench's clients wait for each answer), so one write takes it all. */
  private static void echo(SelectionKey k, ByteBuffer buf) throws IOException {
    AFUNIXSocketChannel c = (AFUNIXSocketChannel) k.channel();
    buf.clear();
    int n;
    try {
      n = c.read(buf);
    } catch (IOException e) {
      n = -1;
    }
    if (n < 0) {
      k.cancel();
      c.close();
      return;
    }
    buf.flip();
    while (buf.hasRemaining()) {
      c.write(buf);
    }
  }
}
