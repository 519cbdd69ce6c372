package org.agentmon.usrtask.present;

import java.util.LinkedHashMap;
import java.util.Map;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.live.LinkState;

/** Builds the helper statuses a test scripts, through the wire format so they are real ones. */
public final class Statuses {
  public static final String URL = "https://agentmon.example.com/api";

  private Statuses() {}

  /** @return a status map with the given state, an admin caller and no upstream */
  public static Map<String, Object> status(String state) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", state);
    m.put("enabled", !RunState.DISABLED.wire().equals(state));
    m.put("pid", 4242L);
    m.put("instanceId", "3f2a9c1e-0000-4000-8000-00000000abcd");
    m.put("version", "0.1.0-SNAPSHOT");
    m.put("buildId", "b1");
    m.put("startedAt", "2026-12-01T09:00:00Z");
    m.put("socketSource", "systemd");
    m.put("supervisor", "systemd");
    m.put("clients", 2);
    m.put("caller", Map.of("uid", 0, "gid", 0, "pid", 1, "admin", true));
    return m;
  }

  /** @return {@code m} with a read-only caller */
  public static Map<String, Object> readOnly(Map<String, Object> m) {
    m.put("caller", Map.of("uid", 1000, "gid", 1000, "pid", 1, "admin", false));
    return m;
  }

  /** @return {@code m} with the upstream server in {@code state} */
  public static Map<String, Object> upstream(Map<String, Object> m, String state, String downSince, String error) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("state", state);
    if (!"not-configured".equals(state)) {
      u.put("serverURL", URL);
    }
    u.put("downSince", downSince);
    u.put("lastError", error);
    u.put("spoolDepth", 0);
    m.put("upstream", u);
    return m;
  }

  public static LinkSnapshot connected(Map<String, Object> m) {
    return new LinkSnapshot(LinkState.CONNECTED, Status.fromJson(m), null, null, null);
  }

  public static LinkSnapshot lost(LinkState state, Map<String, Object> last) {
    return new LinkSnapshot(state, last == null ? null : Status.fromJson(last), null, null, null);
  }
}
