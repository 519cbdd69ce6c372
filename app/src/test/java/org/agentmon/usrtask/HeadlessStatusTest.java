package org.agentmon.usrtask;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.live.LinkState;
import org.agentmon.usrtask.present.Statuses;
import org.junit.jupiter.api.Test;

/** The terminal line says what the window's header says: the same presenter. */
class HeadlessStatusTest {
  @Test
  void theLineIsTheHeaderSentenceAndItsSecondLine() {
    LinkSnapshot s = Statuses.connected(Statuses.upstream(Statuses.status("running"), "not-configured", null, null));
    assertEquals("AgentMon is running · No server configured — It protects this computer; nothing is reported to a "
        + "server", HeadlessStatus.line(s, true, null, Instant.now()));
    assertEquals("AgentMon isn't installed on this computer — Install AgentMon, or ask your IT department; "
        + "the command agentmon doctor shows what is missing",
        HeadlessStatus.line(new LinkSnapshot(LinkState.NOT_RUNNING, null, null, null, null), false, null,
            Instant.now()));
  }
}
