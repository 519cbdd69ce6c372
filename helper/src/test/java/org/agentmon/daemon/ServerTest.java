package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The server loop in this process on a temporary socket, built the way {@link Startup} builds it:
 * core first, then a routing table whose handlers use the core, then the loop.
 */
class ServerTest {
  @TempDir
  Path dir;

  @Test
  void answersThenEndsTheLoopWithTheExitAHandlerAskedForOnceTheReplyIsOut() throws Exception {
    Path sock = dir.resolve("s.sock");
    try (AFUNIXServerSocketChannel ch = AFUNIXServerSocketChannel.open()) {
      ch.bind(AFUNIXSocketAddress.of(sock));
      ch.configureBlocking(false);
      ServerCore core = new ServerCore(ch, new HelperState(Listener.BOUND, Supervisor.NONE.wire, true),
          Limits.DEFAULT, IdleWatch.NONE);
      Exit stop = new Exit(0, "stop", "asked by the test");
      Dispatcher table = new Dispatcher()
          .register("status", false, call -> Map.of("state", "fine"))
          .register("stop", false, call -> {
            core.exitSoon(stop);
            return Map.of("stopping", true);
          });
      Server server = new Server(core, new Authorizer(Identity.ownUid(), AdminGroup.resolve(null)), table);
      CompletableFuture<Exit> ended = CompletableFuture.supplyAsync(() -> {
        try {
          return server.run();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      try (AFUNIXSocket s = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(sock))) {
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"stop\"}\n").getBytes(StandardCharsets.UTF_8));
        InputStream in = s.getInputStream();
        assertTrue(readLine(in).contains("\"result\":{\"state\":\"fine\"}"));
        assertTrue(readLine(in).contains("\"result\":{\"stopping\":true}"));
        assertEquals(-1, in.read(), "the connection ends with the loop");
      }
      assertSame(stop, ended.get(10, TimeUnit.SECONDS));
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new IOException("EOF after \"" + buf + "\"");
      }
      buf.write(b);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
