package org.agentmon.usrtask.ui;

import static org.agentmon.usrtask.present.Statuses.connected;
import static org.agentmon.usrtask.present.Statuses.status;
import static org.agentmon.usrtask.present.Statuses.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.agentmon.usrtask.present.Pending;
import org.agentmon.usrtask.present.Presentation;
import org.agentmon.usrtask.present.Presenter;
import org.agentmon.usrtask.present.Situation;
import org.junit.jupiter.api.Test;

/**
 * The tray menu: first a status line equal to the window's header sentence, then the issue's
 * order. (The AWT menu itself needs a display: UsrTaskOnXvfbIT photographs it.)
 */
class TrayMenuTest {
  private static Presentation present(java.util.Map<String, Object> st) {
    return Presenter.present(new Situation(connected(st), true, false, Pending.NONE, null, null, Instant.now(),
        ZoneOffset.UTC));
  }

  @Test
  void theFirstLineIsTheHeaderSentenceThenTheIssuesOrder() {
    Presentation p = present(upstream(status("running"), "connected", null, null));
    assertEquals(List.of("AgentMon is running · Connected to agentmon.example.com", "-", "Open AgentMon…",
        "Restart AgentMon", "Stop AgentMon", "-", "Start at Login", "Relaunch", "Quit AgentMon"),
        TrayMenu.labels(TrayMenu.Shown.of(p, false, false)));
  }

  @Test
  void aStoppedHelperOffersStart() {
    Presentation p = present(status("disabled"));
    TrayMenu.Shown s = TrayMenu.Shown.of(p, true, false);
    assertEquals("Start AgentMon", TrayMenu.labels(s).get(4));
    assertEquals(p.sentence(), TrayMenu.labels(s).get(0));
    assertEquals(true, s.helperOff());
    assertEquals(true, s.startAtLogin());
  }

  @Test
  void aManagedLoginItemIsCarriedToTheMenu() {
    Presentation p = present(status("running"));
    assertEquals(true, TrayMenu.Shown.of(p, true, true).loginManaged());
    assertEquals(false, TrayMenu.Shown.of(p, true, false).loginManaged());
  }
}
