package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.Cli;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.RawClient;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standalone restart, stop and start, and SIGTERM, against real processes. */
class LifecycleIT {
  @TempDir
  Path dir;

  @Test
  void restartGivesANewPidAndInstanceOnTheSameSocket() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start()) {
      Status before = h.status();
      Cli.Result r = Cli.run("restart", "--wait", "--socket", h.socket.toString());
      assertEquals(0, r.code(), r.out());
      assertTrue(r.out().contains("Helper restarted: pid"), r.out());
      Status after = h.status();
      assertNotEquals(before.pid(), after.pid());
      assertNotEquals(before.instanceId(), after.instanceId());
      assertEquals(RunState.RUNNING, after.state());
      assertTrue(HelperProcess.awaitExit(before.pid(), Duration.ofSeconds(5)), "the old process is gone");
    }
  }

  @Test
  void stopDisablesAndExitsZeroAndTheFlagSurvivesUntilStart() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start()) {
      assertTrue(Files.exists(h.stateDir.resolve("enabled")));
      try (HelperClient c = h.client()) {
        c.stop();
      }
      assertTrue(h.process().waitFor(5, TimeUnit.SECONDS), "stop ends the process");
      assertEquals(0, h.process().exitValue());
      assertFalse(Files.exists(h.stateDir.resolve("enabled")), "the flag is cleared on disk");
      assertEquals(3, Cli.run("status", "--socket", h.socket.toString()).code(), "nothing answers now");

      // Started again while the flag is clear: it answers, disabled.
      h.start();
      Status s = h.status();
      assertEquals(RunState.DISABLED, s.state());
      assertFalse(s.enabled());
      Cli.Result started = Cli.run("start", "--socket", h.socket.toString());
      assertEquals(0, started.code(), started.out());
      assertEquals(RunState.RUNNING, h.status().state());
      assertTrue(h.status().enabled());

      // ...and stays enabled across a restart.
      assertEquals(0, Cli.run("restart", "--wait", "--socket", h.socket.toString()).code());
      Status afterRestart = h.status();
      assertNotEquals(s.pid(), afterRestart.pid());
      assertTrue(afterRestart.enabled());
      assertEquals(RunState.RUNNING, afterRestart.state());
    }
  }

  @Test
  void disabledSurvivesARestart() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start()) {
      try (HelperClient c = h.client()) {
        c.stop();
      }
      h.process().waitFor(5, TimeUnit.SECONDS);
      h.start();
      assertEquals(0, Cli.run("restart", "--wait", "--socket", h.socket.toString()).code());
      Status s = h.status();
      assertEquals(RunState.DISABLED, s.state());
      assertFalse(s.enabled());
    }
  }

  @Test
  void sigtermGivesSubscribersEofAndExitsZeroWithinTwoSeconds() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start(); RawClient sub = new RawClient(h.socket)) {
      sub.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\"}\n").readObject();
      long t0 = System.nanoTime();
      h.process().destroy(); // SIGTERM
      assertTrue(h.process().waitFor(2, TimeUnit.SECONDS), "exits within 2 s");
      assertEquals(0, h.process().exitValue());
      // The subscriber sees the last change, then EOF.
      String line;
      boolean sawStopping = false;
      while ((line = sub.readLine()) != null) {
        sawStopping |= line.contains("\"stopping\"");
      }
      assertTrue(sawStopping, "the subscriber was told the helper is stopping");
      assertTrue(System.nanoTime() - t0 < 2_500_000_000L);
      assertFalse(Files.exists(h.socket), "its own socket file is removed");
      assertTrue(Files.exists(h.stateDir.resolve("enabled")), "a signal does not disable the helper");
    }
  }

  @Test
  void subscribersThroughTheClientSeeEveryChange() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start(); HelperClient sub = h.client();
        HelperClient admin = h.client()) {
      BlockingQueue<Status> seen = new LinkedBlockingQueue<>();
      Status initial = sub.subscribe(seen::add);
      assertEquals(RunState.RUNNING, initial.state());
      admin.stop();
      Status stopping = poll(seen, RunState.STOPPING);
      assertFalse(stopping.enabled());
    }
  }

  private static Status poll(BlockingQueue<Status> q, RunState state) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      Status s = q.poll(100, TimeUnit.MILLISECONDS);
      if (s != null && s.state() == state) {
        return s;
      }
    }
    throw new AssertionError("no status.changed with state " + state);
  }
}
