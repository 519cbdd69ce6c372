package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.Cli;
import org.agentmon.it.fixtures.Hammer;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.LaunchdLikeSupervisor;
import org.agentmon.it.fixtures.Tools;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helper under a supervisor that behaves like launchd (holds the socket, passes it on stdin,
 * respawns on failure or on a waiting connection, throttles): crashes, restarts, stop/start and a
 * crash loop never turn into a refused connection or a failed call.
 */
class SupervisedLifecycleIT {
  @TempDir
  Path dir;

  @BeforeEach
  void needsPython() {
    assumeTrue(Tools.has("python3"), "python3 runs the launchd-like test supervisor");
  }

  @Test
  void killNineWhileFourClientsLoopOnStatusRefusesNobody() throws Exception {
    try (LaunchdLikeSupervisor sup = LaunchdLikeSupervisor.start(dir, 0.5, Map.of())) {
      Status first = sup.helper.awaitAnswer(Duration.ofSeconds(20));
      try (Hammer hammer = new Hammer(sup.helper.socket, 4)) {
        HelperProcess.pause(500);
        ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly(); // kill -9
        assertTrue(HelperProcess.awaitExit(first.pid(), Duration.ofSeconds(5)));
        Status second = sup.helper.awaitNewInstance(first.instanceId());
        assertNotEquals(first.pid(), second.pid());
        HelperProcess.pause(1000);
        hammer.close();
        assertEquals(0, hammer.failures.get(), "failed status calls: " + hammer.errors);
        assertTrue(hammer.instances.contains(second.instanceId()), "the clients reached the new instance");
        assertTrue(hammer.calls.get() > 20, "the clients kept working: " + hammer.calls.get() + " calls");
      }
      assertEquals("unknown: pid " + first.pid(), sup.helper.status().lastExit().substring(0,
          ("unknown: pid " + first.pid()).length()), "the new instance knows the last one was killed");
    }
  }

  @Test
  void restartGivesANewInstanceAndRefusesNobody() throws Exception {
    try (LaunchdLikeSupervisor sup = LaunchdLikeSupervisor.start(dir, 0.5, Map.of())) {
      Status first = sup.helper.awaitAnswer(Duration.ofSeconds(20));
      assertEquals("inherited", first.socketSource());
      try (Hammer hammer = new Hammer(sup.helper.socket, 4)) {
        HelperProcess.pause(300);
        try (HelperClient admin = sup.helper.client()) {
          admin.restart();
        }
        Status second = sup.helper.awaitNewInstance(first.instanceId());
        HelperProcess.pause(800);
        hammer.close();
        assertEquals(0, hammer.failures.get(), "failed status calls: " + hammer.errors);
        assertTrue(hammer.instances.contains(second.instanceId()));
      }
      assertTrue(sup.exitCodes().contains(75), "the helper asked its supervisor for a restart: " + sup.events());
      assertTrue(sup.helper.status().lastExit().startsWith("restarted"), sup.helper.status().lastExit());
    }
  }

  @Test
  void underLaunchdRestartAsksLaunchctlAndFallsBackWhenItIsMissing() throws Exception {
    assumeTrue(!Tools.has("launchctl"), "a real launchctl would restart a real job");
    try (LaunchdLikeSupervisor sup = LaunchdLikeSupervisor.start(dir, 0.5,
        Map.of("XPC_SERVICE_NAME", "org.agentmon.helper"))) {
      Status first = sup.helper.awaitAnswer(Duration.ofSeconds(20));
      assertEquals("launchd", first.supervisor());
      try (HelperClient admin = sup.helper.client()) {
        admin.restart();
      }
      Status second = sup.helper.awaitNewInstance(first.instanceId());
      assertEquals("launchd", second.supervisor());
      String log = sup.helper.log();
      assertTrue(log.contains("asking launchd to restart the helper: launchctl kickstart -k system/org.agentmon.helper"),
          log);
      assertTrue(log.contains("cannot run launchctl"), log);
    }
  }

  @Test
  void stoppedHelperIdleExitsAndTheNextClientStartsItDisabledUntilStart() throws Exception {
    try (LaunchdLikeSupervisor sup = LaunchdLikeSupervisor.start(dir, 0.2, Map.of(), "--idle-exit", "1")) {
      Status first = sup.helper.awaitAnswer(Duration.ofSeconds(20));
      try (HelperClient admin = sup.helper.client()) {
        admin.stop();
      }
      assertTrue(HelperProcess.awaitExit(first.pid(), Duration.ofSeconds(5)));
      // The next status starts it again: disabled.
      Status disabled = sup.helper.status();
      assertEquals(RunState.DISABLED, disabled.state());
      assertFalse(disabled.enabled());
      assertNotEquals(first.pid(), disabled.pid());
      // Idle and disabled: it exits 0 and leaves the socket to the supervisor.
      assertTrue(HelperProcess.awaitExit(disabled.pid(), Duration.ofSeconds(10)), "a disabled helper idle-exits");
      assertEquals(List.of(0, 0), sup.exitCodes(), "stop and the idle exit are clean exits");
      // Start: running, and it stays up past the idle period.
      Cli.Result started = Cli.run("start", "--socket", sup.helper.socket.toString());
      assertEquals(0, started.code(), started.out());
      Status running = sup.helper.status();
      assertEquals(RunState.RUNNING, running.state());
      HelperProcess.pause(2500);
      assertEquals(running.pid(), sup.helper.status().pid(), "an enabled helper stays up");
      assertTrue(Files.exists(sup.helper.stateDir.resolve("enabled")));
    }
  }

  @Test
  void fiveQuickCrashesPutTheNextStartInSafeModeUntilAnAdminRestarts() throws Exception {
    try (LaunchdLikeSupervisor sup = LaunchdLikeSupervisor.start(dir, 0.2, Map.of())) {
      String lastInstance = null;
      for (int i = 0; i < 5; i++) {
        Status s = lastInstance == null ? sup.helper.awaitAnswer(Duration.ofSeconds(20))
            : sup.helper.awaitNewInstance(lastInstance);
        assertEquals(RunState.RUNNING, s.state(), "start " + (i + 1) + " is normal");
        lastInstance = s.instanceId();
        ProcessHandle.of(s.pid()).orElseThrow().destroyForcibly();
        assertTrue(HelperProcess.awaitExit(s.pid(), Duration.ofSeconds(5)));
      }
      Status safe = sup.helper.awaitNewInstance(lastInstance);
      assertEquals(RunState.SAFE_MODE, safe.state());
      assertNotNull(safe.reason());
      assertTrue(safe.reason().startsWith("crash loop: 5 starts within 60 s"), safe.reason());
      assertTrue(safe.startsInLastHour() >= 6);
      HelperProcess.pause(1500);
      assertEquals(safe.pid(), sup.helper.status().pid(), "safe mode stays up: no respawn loop");

      try (HelperClient admin = sup.helper.client()) {
        admin.restart();
      }
      Status after = sup.helper.awaitNewInstance(safe.instanceId());
      assertEquals(RunState.RUNNING, after.state(), "an administrator's restart leaves safe mode");
    }
  }

  @Test
  void runHistorySurvivesKillNineDuringStartUp() throws Exception {
    try (LaunchdLikeSupervisor sup = LaunchdLikeSupervisor.start(dir, 0.05, Map.of(),
        "--crash-loop-starts", "1000")) {
      sup.helper.awaitAnswer(Duration.ofSeconds(20));
      Path runs = sup.helper.stateDir.resolve("runs.json");
      java.util.Set<Long> killed = new java.util.HashSet<>();
      for (int i = 0; i < 12; i++) {
        // Kill each new helper at a different moment of its start-up, often while it writes its history.
        assertTrue(killNextStart(sup, i, killed) > 0, "the supervisor started helper " + (i + 1));
      }
      Status s = sup.helper.awaitAnswer(Duration.ofSeconds(20));
      assertEquals(RunState.RUNNING, s.state());
      String json = Files.readString(runs);
      assertTrue(json.startsWith("{\"runs\":["), json);
      try (var files = Files.list(sup.helper.stateDir)) {
        assertEquals(0, files.filter(f -> f.getFileName().toString().contains("corrupt")
            || f.getFileName().toString().endsWith(".tmp")).count(), "no torn or corrupt state files");
      }
      assertFalse(sup.helper.log().contains("was unreadable"), sup.helper.log());
    }
  }

  /** Kills the newest helper the supervisor started that is not in {@code killed}; the supervisor respawns it. */
  private static long killNextStart(LaunchdLikeSupervisor sup, int round, java.util.Set<Long> killed)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      long pid = sup.events().stream().filter(e -> "start".equals(e.get("kind")))
          .map(e -> ((Number) e.get("pid")).longValue()).reduce((a, b) -> b).orElse(-1L);
      if (pid > 0 && !killed.contains(pid)) {
        HelperProcess.pause(40L * round); // vary the moment of death across start-up
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        HelperProcess.awaitExit(pid, Duration.ofSeconds(5));
        killed.add(pid);
        return pid;
      }
      HelperProcess.pause(5);
    }
    return -1;
  }
}
