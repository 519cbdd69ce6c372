package org.agentmon.installer.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What an administrator does to a running helper, under a real systemd: restart through
 * systemctl, kill -9, a crash loop, stop and start. One machine, in this order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleSystemdIT {
  @Booted
  static Machine machine;

  @Test
  @Order(1)
  void restartGoesThroughSystemctlAndRefusesNoClient() throws Exception {
    long before = Installed.mainPid(machine);
    assertNotEquals(0, before, "the helper should be running after install");
    Status after;
    try (StatusLoop loop = StatusLoop.start(Installed.socket(machine))) {
      machine.ok("agentmon restart");
      after = loop.await("a new helper", st -> st.pid() != before, Duration.ofSeconds(60));
      loop.close();
      assertEquals(java.util.List.of(), loop.refusals(), "clients refused during the restart");
      // A request in flight when the old helper is told to stop may be dropped (see the report);
      // before and after that switch nothing may fail.
      assertEquals(java.util.List.of(), loop.failuresOutsideTheSwitch(before),
          "failures outside the switch; all: " + loop.failures());
    }
    assertEquals(Installed.mainPid(machine), after.pid(), "systemd's MainPID is the new helper");
    machine.ok("journalctl -u agentmon.service --no-pager -o cat | grep -F 'systemctl restart agentmon.service'");
  }

  @Test
  @Order(2)
  void killedHelperIsBackWithLastExitKilled() throws Exception {
    long before = Installed.mainPid(machine);
    machine.ok("kill -9 " + before);
    Installed.await(machine, "a new helper after kill -9", Installed.BACK_AFTER_KILL,
        "pid=$(systemctl show --property=MainPID --value agentmon.service); "
            + "[ \"$pid\" != 0 ] && [ \"$pid\" != " + before + " ] && agentmon status >/dev/null");
    Map<?, ?> s = Installed.status(machine);
    assertEquals("running", s.get("state"), s.toString());
    assertTrue(String.valueOf(s.get("lastExit")).contains("pid " + before)
        && String.valueOf(s.get("lastExit")).contains("killed"), s.toString());
  }

  @Test
  @Order(3)
  void stopStaysStoppedAndTheNextConnectionHearsDisabled() throws Exception {
    machine.ok("agentmon stop");
    Installed.await(machine, "the service inactive after stop", Duration.ofSeconds(60),
        "[ \"$(systemctl show --property=ActiveState --value agentmon.service)\" = inactive ]");
    assertTrue(machine.sh("test -e " + Installed.LAYOUT.enabledFlag()).exitCode() != 0, "enabled flag removed");
    // Stays stopped: neither Restart= (after RestartSec, 2 s) nor the path unit brings it back.
    // Watched for longer than RestartSec, the window in which systemd would have started it.
    Thread.sleep(5_000);
    assertEquals("inactive", Installed.activeState(machine));
    // The socket still answers: systemd starts a helper for the connection, which says disabled...
    Map<?, ?> s = Installed.status(machine);
    assertEquals("disabled", s.get("state"), s.toString());
    assertEquals(Boolean.FALSE, s.get("enabled"), s.toString());
    assertEquals("AgentMon helper: disabled", machine.ok("agentmon status").lines().findFirst().orElse(""));
    // ...and leaves again when idle (--idle-exit, 30 s by default).
    Installed.await(machine, "the disabled helper's idle exit", Duration.ofSeconds(120),
        "[ \"$(systemctl show --property=ActiveState --value agentmon.service)\" = inactive ]");
    assertEquals("active", machine.ok("systemctl is-active agentmon.socket").trim());
  }

  @Test
  @Order(4)
  void startRunsItAgain() throws Exception {
    machine.ok("agentmon start");
    Installed.await(machine, "the service active after start", Duration.ofSeconds(60),
        "[ \"$(systemctl show --property=ActiveState --value agentmon.service)\" = active ]");
    Map<?, ?> s = Installed.status(machine);
    assertEquals("running", s.get("state"), s.toString());
    assertEquals(Boolean.TRUE, s.get("enabled"), s.toString());
    assertEquals("enabled", machine.ok("systemctl is-enabled agentmon.path").trim());
  }

  @Test
  @Order(5)
  void quickKillsEndInSafeModeBeforeSystemdGivesUp() throws Exception {
    String state = "";
    int kills = 0;
    while (!state.equals("safe-mode") && kills < 10) {
      long pid = Installed.mainPid(machine);
      machine.ok("kill -9 " + pid);
      kills++;
      Installed.await(machine, "a helper after quick kill " + kills, Installed.BACK_AFTER_KILL,
          "pid=$(systemctl show --property=MainPID --value agentmon.service); "
              + "[ \"$pid\" != 0 ] && [ \"$pid\" != " + pid + " ] && agentmon status >/dev/null"
              + " || { systemctl show --property=ActiveState,Result --value agentmon.service; false; }");
      state = String.valueOf(Installed.status(machine).get("state"));
    }
    Map<?, ?> s = Installed.status(machine);
    assertEquals("safe-mode", s.get("state"), "after " + kills + " kills: " + s);
    assertTrue(kills <= 5, "safe mode only after " + kills + " quick kills (5 expected)");
    assertTrue(String.valueOf(s.get("reason")).length() > 10, "safe mode says why: " + s);
    assertEquals("active", Installed.activeState(machine), "systemd has not given up (start limit)");
    String first = machine.ok("agentmon status").lines().findFirst().orElse("");
    assertTrue(first.startsWith("AgentMon helper: safe-mode"), first);
  }
}
