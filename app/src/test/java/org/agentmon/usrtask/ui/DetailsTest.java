package org.agentmon.usrtask.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.agentmon.usrtask.present.Statuses;
import org.junit.jupiter.api.Test;

/** The Details rows read as plain words: counts agree with their noun, an unsupervised helper says so. */
class DetailsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void oneEventWaitingIsSingularAndSeveralArePlural() {
    assertEquals("1 event", value(spool(1), "spool"));
    assertEquals("3 events", value(spool(3), "spool"));
    assertEquals("0 events", value(spool(0), "spool"));
  }

  @Test
  void aHelperStartedByHandIsNotSupervisedRatherThanSupervisedByNone() {
    Map<String, Object> byHand = Statuses.status("running");
    byHand.put("socketSource", "bound");
    byHand.put("supervisor", "none");
    assertEquals("bound, not supervised", value(byHand, "socketSource"));
    assertEquals("systemd, supervised by systemd", value(Statuses.status("running"), "socketSource"));
  }

  @SuppressWarnings("unchecked") // the map Statuses.upstream just put there
  private static Map<String, Object> spool(int depth) {
    Map<String, Object> m = Statuses.upstream(Statuses.status("running"), "connected", null, null);
    ((Map<String, Object>) m.get("upstream")).put("spoolDepth", depth);
    return m;
  }

  private static String value(Map<String, Object> status, String id) {
    return Details.of(Statuses.connected(status), NOW).stream().filter(d -> d.id().equals(id)).findFirst()
        .orElseThrow().value();
  }
}
