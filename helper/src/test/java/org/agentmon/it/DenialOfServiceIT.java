package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.it.fixtures.Cli;
import org.agentmon.it.fixtures.Crowd;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.OtherUids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ordinary user (uid 65534, through {@code setpriv}) cannot lock anyone out: not by holding
 * connections, subscribed or not, and not by filling the log with refused ones.
 */
class DenialOfServiceIT {
  static final List<String> NOBODY = OtherUids.NOBODY;
  static final List<String> OTHER_USER = OtherUids.as(65533, 65533);
  static final String SUBSCRIBE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\"}";
  static final String FOLLOW = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"events\",\"params\":{\"follow\":true}}";

  @TempDir
  Path dir;

  @BeforeEach
  void asOtherUids() throws Exception {
    OtherUids.prepare(dir);
  }

  @Test
  void oneUserHolding1100SubscriptionsLocksOutNeitherRootNorOtherUsers() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start();
        Crowd crowd = Crowd.start(NOBODY, h.socket, "hold", "1100", SUBSCRIBE)) {
      assertEquals(32, crowd.count("held"), crowd.report());
      assertEquals(1100 - 32, crowd.count("refused"), crowd.report());
      assertTrue(crowd.get("refusal").contains("-32002"), crowd.report());
      assertTrue(crowd.get("refusal").contains("per-user limit (--max-connections-per-user)"), crowd.report());
      assertAnswered(h);
    }
  }

  @Test
  void ordinaryUsersTogetherLeaveTheReserveToAdministrators() throws Exception {
    // One uid allowed 500 stands for many users: ordinary users get 94 of 100 slots, root the rest.
    try (HelperProcess h = new HelperProcess(dir).args("--max-connections", "100", "--max-connections-per-user",
        "500").start();
        Crowd crowd = Crowd.start(NOBODY, h.socket, "hold", "200", FOLLOW)) {
      assertEquals(94, crowd.count("held"), crowd.report());
      assertTrue(crowd.get("refusal").contains("94 of 100 are open to users who are not administrators"),
          crowd.report());
      Cli.Result root = Cli.run("status", "--socket", h.socket.toString());
      assertEquals(0, root.code(), root.out());
      Cli.Result other = Cli.run(OTHER_USER, "status", "--socket", h.socket.toString());
      assertTrue(other.code() != 0, "the limit for ordinary users holds for every ordinary user: " + other.out());
      assertTrue(other.out().contains("too many connections"), other.out());
    }
  }

  @Test
  void aFloodOfRefusedConnectionsWritesAFewLinesNotOneEach() throws Exception {
    // 40 slots: before per-user limits uid 65534 took them all and every later connect was refused too.
    try (HelperProcess h = new HelperProcess(dir).args("--max-connections", "40").start();
        Crowd crowd = Crowd.start(NOBODY, h.socket, "flood", "40", "5")) {
      int connects = crowd.count("connects");
      System.out.println("refused-connection flood: " + crowd.report());
      // Before rate limiting each refusal wrote a ~95-byte line: 1,000 of them were over 64 KiB.
      assertTrue(connects >= 1000, "the flood was too slow to mean anything: " + crowd.report());
      String summary = "more connections from uid 65534 (per-user limit) in the last";
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!h.log().contains(summary) && System.nanoTime() - deadline < 0) {
        HelperProcess.pause(200);
      }
      long size = Files.size(h.logFile);
      assertTrue(size < 64 * 1024, connects + " refused connects wrote " + size + " bytes of log");
      String log = h.log();
      assertTrue(log.contains("refusing a connection from uid 65534"), log);
      assertTrue(log.contains(summary), "one summary per interval: " + log);
      assertAnswered(h);
    }
  }

  /** Root's status and restart, and another ordinary user's status, all succeed. */
  private static void assertAnswered(HelperProcess h) throws Exception {
    Cli.Result other = Cli.run(OTHER_USER, "status", "--socket", h.socket.toString());
    assertEquals(0, other.code(), "another user's status: " + other.out());
    Cli.Result root = Cli.run("status", "--socket", h.socket.toString());
    assertEquals(0, root.code(), "root's status: " + root.out());
    Cli.Result restart = Cli.run("restart", "--wait", "--socket", h.socket.toString());
    assertEquals(0, restart.code(), "root's restart: " + restart.out());
    assertTrue(restart.out().contains("Helper restarted: pid"), restart.out());
  }
}
