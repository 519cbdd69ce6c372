package org.agentmon.daemon;

import static org.agentmon.daemon.InProcessServer.readLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** The server loop in this process on a temporary socket ({@link InProcessServer}). */
class ServerTest {
  @TempDir
  Path dir;

  @Test
  void answersThenEndsTheLoopWithTheExitAHandlerAskedForOnceTheReplyIsOut() throws Exception {
    Path sock = dir.resolve("s.sock");
    Exit stop = new Exit(0, "stop", "asked by the test");
    try (InProcessServer server = new InProcessServer(sock, core -> new Dispatcher()
        .register("status", false, call -> Map.of("state", "fine"))
        .register("stop", false, call -> {
          core.exitSoon(stop);
          return Map.of("stopping", true);
        }))) {
      try (AFUNIXSocket s = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(sock))) {
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"stop\"}\n").getBytes(StandardCharsets.UTF_8));
        InputStream in = s.getInputStream();
        assertTrue(readLine(in).contains("\"result\":{\"state\":\"fine\"}"));
        assertTrue(readLine(in).contains("\"result\":{\"stopping\":true}"));
        assertEquals(-1, in.read(), "the connection ends with the loop");
      }
      assertSame(stop, server.ended.get(10, TimeUnit.SECONDS));
    }
  }
}
