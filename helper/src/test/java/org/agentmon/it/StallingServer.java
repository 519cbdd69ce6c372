package org.agentmon.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import org.agentmon.protocol.Hello;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.ProtocolVersion;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * A bad helper on a real Unix socket that keeps a client waiting in one of three ways: it trickles
 * one byte every 2 s and never ends a line; it answers hello, then only sends a notification every
 * second; or it never accepts and its queue is full.
 */
final class StallingServer implements AutoCloseable {
  enum Mode { TRICKLE, NOTIFICATIONS, NEVER_ACCEPTS }

  private final AFUNIXServerSocket server;
  private final List<AutoCloseable> held = new CopyOnWriteArrayList<>();
  private volatile boolean open = true;

  StallingServer(Path socket, Mode mode) throws IOException {
    server = AFUNIXServerSocket.newInstance();
    server.bind(AFUNIXSocketAddress.of(socket), 1);
    if (mode == Mode.NEVER_ACCEPTS) {
      fillQueue(socket);
      return;
    }
    Thread t = new Thread(() -> acceptLoop(mode), "stalling-server");
    t.setDaemon(true);
    t.start();
  }

  /** Connects without accepting until the kernel refuses more: the next client finds the queue full. */
  private void fillQueue(Path socket) throws IOException {
    for (int i = 0; i < 64; i++) {
      AFUNIXSocketChannel ch = AFUNIXSocketChannel.open();
      ch.configureBlocking(false);
      if (!ch.connect(AFUNIXSocketAddress.of(socket))) {
        ch.close();
        return;
      }
      held.add(ch);
    }
    throw new IllegalStateException("the queue of a socket bound with backlog 1 never filled");
  }

  private void acceptLoop(Mode mode) {
    while (open) {
      try {
        Socket s = server.accept();
        held.add(s);
        Thread t = new Thread(() -> serve(s, mode), "stalling-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s, Mode mode) {
    try {
      OutputStream out = s.getOutputStream();
      if (mode == Mode.TRICKLE) {
        while (open) {
          out.write(' '); // never a newline: each read gets a byte, so a per-read timeout never fires
          out.flush();
          Thread.sleep(2000);
        }
        return;
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      Map<?, ?> hello = (Map<?, ?>) Json.parse(in.readLine());
      Hello h = new Hello("0.0.0", null, ProtocolVersion.CURRENT, 1, "stalling");
      write(out, Map.of("jsonrpc", "2.0", "id", hello.get("id"), "result", h.toJson()));
      while (open) {
        write(out, Map.of("jsonrpc", "2.0", "method", "status.changed", "params", Map.of("state", "running")));
        Thread.sleep(1000);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the client gave up, as it should
    }
  }

  private static void write(OutputStream out, Object message) throws IOException {
    out.write(Json.write(message));
    out.write('\n');
    out.flush();
  }

  @Override
  public void close() throws Exception {
    open = false;
    for (AutoCloseable c : held) {
      c.close();
    }
    server.close();
  }
}
