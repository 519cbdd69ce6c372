package org.agentmon.usrtask.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agentmon.icons.TrayState;
import org.agentmon.protocol.Status;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.live.LinkState;
import org.junit.jupiter.api.Test;

/** The tray icon turns "degraded" when the upstream link is unauthorized or down for over 5 minutes. */
class UpstreamTrayStateTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void aWorkingOrUnconfiguredLinkLeavesTheIconRunning() {
    assertEquals(TrayState.RUNNING, tray(upstream("connected", null)));
    assertEquals(TrayState.RUNNING, tray(upstream("not-configured", null)));
    assertEquals(TrayState.RUNNING, tray(null));
  }

  @Test
  void aShortOutageIsNotDegradedALongOneIs() {
    assertEquals(TrayState.RUNNING, tray(upstream("backing-off", "2026-11-25T11:56:00Z")));
    assertEquals(TrayState.DEGRADED, tray(upstream("backing-off", "2026-11-25T11:54:59Z")));
  }

  @Test
  void unauthorizedIsDegradedAtOnce() {
    assertEquals(TrayState.DEGRADED, tray(upstream("unauthorized", "2026-11-25T11:59:59Z")));
  }

  private static Map<String, Object> upstream(String state, String downSince) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("state", state);
    u.put("serverURL", "https://agentmon.example.com");
    u.put("downSince", downSince);
    return u;
  }

  private static TrayState tray(Map<String, Object> upstream) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", Status.RUNNING);
    m.put("enabled", true);
    if (upstream != null) {
      m.put("upstream", upstream);
    }
    Status st = Status.fromJson(m);
    return StatusModel.trayStateFor(new LinkSnapshot(LinkState.CONNECTED, st, null, null, null), NOW);
  }
}
