package org.agentmon.daemon;

import static org.agentmon.daemon.InProcessServer.readLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A request that reached the helper while it was being stopped is answered before its connection is
 * closed, never reset: {@code status} normally, an admin action with the shutting-down error. The
 * race (another client's request lands while the stop is being handled) is run many times.
 */
class ExitAnswersWhatArrivedTest {
  private static final int ROUNDS = 150;
  @TempDir Path dir;

  @Test
  void aRequestSentRightAfterAStopIsAnsweredNeverReset() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      boolean admin = i % 3 == 2;
      String got = race(dir.resolve(i + ".sock"), admin ? "restart" : "status");
      // An admin action read before the stop took effect is done; after it, it is refused in words.
      boolean ok = admin ? got.contains("\"result\":{\"restarting\":true}") || got.contains("shutting down")
          : got.contains("\"result\":{\"state\":\"fine\"}");
      if (!ok) {
        wrong.add("round " + i + ": " + got);
      }
    }
    assertEquals(List.of(), wrong, "every request that reached the helper is answered");
  }

  /** @return what the second client read back for {@code method}, sent right after the first client's stop */
  private String race(Path sock, String method) throws Exception {
    Exit stop = new Exit(0, "stop", "asked by the test");
    try (InProcessServer server = new InProcessServer(sock, core -> new Dispatcher()
        .register("restart", false, call -> Map.of("restarting", true))
        .register("status", false, call -> Map.of("state", "fine"))
        .register("stop", false, call -> {
          pause(5); // the real stop first writes its event durably: the other client's line lands meanwhile
          core.exitSoon(stop);
          return Map.of("stopping", true);
        })
        .answerWhileExiting("status"));
        AFUNIXSocket a = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(sock));
        AFUNIXSocket b = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(sock))) {
      a.setSoTimeout(10_000);
      b.setSoTimeout(10_000);
      OutputStream bOut = b.getOutputStream();
      bOut.write(line(1, "status")); // b is connected and served
      assertTrue(readLine(b.getInputStream()).contains("fine"));
      a.getOutputStream().write(line(1, "stop"));
      String got;
      try {
        bOut.write(line(2, method));
        got = readLine(b.getInputStream());
      } catch (IOException e) {
        got = e.toString();
      }
      assertSame(stop, server.ended.get(10, TimeUnit.SECONDS));
      return got;
    }
  }

  private static byte[] line(int id, String method) {
    return ("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\"}\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
