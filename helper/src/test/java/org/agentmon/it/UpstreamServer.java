package org.agentmon.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.agentmon.protocol.Json;

/**
 * A loopback upstream server for tests (127.0.0.1 only): records every request and answers with the
 * status code set by the test; code 0 drops the connection without an answer. The body of the
 * answer is empty, or (a bad server) one that trickles a byte a second or streams without end.
 */
final class UpstreamServer implements AutoCloseable {
  /** One request as the server saw it. */
  record Hit(long nanos, String path, String authorization, Map<?, ?> body, int answered) { }

  /** The answer's body. */
  enum Body { EMPTY, TRICKLE, ENDLESS }

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "upstream-server");
    t.setDaemon(true);
    return t;
  });
  private final List<Hit> hits = new ArrayList<>();
  private final AtomicInteger abandoned = new AtomicInteger();
  private volatile int code = 200;
  private volatile Body body = Body.EMPTY;
  private volatile boolean closed;

  private UpstreamServer(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(handlers); // a trickling answer must not hold up the others
    server.start();
  }

  static UpstreamServer http(int port) throws IOException {
    return new UpstreamServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
  }

  static UpstreamServer https(int port, SSLContext tls) throws IOException {
    HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    s.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new UpstreamServer(s);
  }

  /** A port nothing listens on right now (connections are refused until a server takes it). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url() {
    return "http://127.0.0.1:" + port();
  }

  UpstreamServer answer(int status) {
    this.code = status;
    return this;
  }

  UpstreamServer body(Body b) {
    this.body = b;
    return this;
  }

  /** @return how many streamed answers ended because the client closed the connection */
  int abandoned() {
    return abandoned.get();
  }

  synchronized List<Hit> hits() {
    return new ArrayList<>(hits);
  }

  synchronized List<Hit> hits(String path) {
    return hits.stream().filter(h -> h.path.equals(path)).toList();
  }

  /** Every event received, in arrival order, from batches the server accepted. */
  synchronized List<Map<?, ?>> acceptedEvents() {
    List<Map<?, ?>> out = new ArrayList<>();
    for (Hit h : hits) {
      if (h.path.equals("/v1/events") && h.answered / 100 == 2) {
        for (Object e : (List<?>) h.body.get("events")) {
          out.add((Map<?, ?>) e);
        }
      }
    }
    return out;
  }

  private void handle(HttpExchange ex) throws IOException {
    int status = code;
    Map<?, ?> body;
    try {
      body = (Map<?, ?>) Json.parse(ex.getRequestBody().readAllBytes());
    } catch (RuntimeException e) {
      body = Map.of("unreadable", true);
    }
    synchronized (this) {
      hits.add(new Hit(System.nanoTime(), ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization"),
          body, status));
    }
    if (status == 0) {
      throw new IOException("dropping the connection, as the test asked"); // HttpServer closes it
    }
    Body b = this.body;
    if (b == Body.EMPTY) {
      ex.sendResponseHeaders(status, -1);
      ex.close();
      return;
    }
    ex.sendResponseHeaders(status, 0); // chunked: no end announced
    byte[] chunk = new byte[b == Body.TRICKLE ? 1 : 64 * 1024];
    try {
      for (long sent = 0; !closed && sent < (4L << 30); sent += chunk.length) {
        ex.getResponseBody().write(chunk);
        ex.getResponseBody().flush();
        if (b == Body.TRICKLE) {
          Thread.sleep(1000);
        }
      }
    } catch (IOException e) {
      abandoned.incrementAndGet(); // the client hung up
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ex.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    handlers.shutdownNow();
  }
}
