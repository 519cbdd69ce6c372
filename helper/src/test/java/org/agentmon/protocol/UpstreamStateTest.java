package org.agentmon.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The upstream link's states: the words on the wire stay those old clients know. */
class UpstreamStateTest {
  @Test
  void theWireWordsAreTheOnesOldClientsKnow() {
    assertEquals(List.of("not-configured", "connecting", "connected", "backing-off", "unauthorized", "config-error"),
        Arrays.stream(Upstream.State.values()).map(Upstream.State::wire).toList());
  }

  @Test
  void everyStateRoundTripsThroughJsonAsItsWordAndAnUnknownWordReadsAsNone() {
    for (Upstream.State s : Upstream.State.values()) {
      String text = Json.toText(Upstream.fromJson(Map.of("state", s.wire())).toJson());
      assertEquals("{\"state\":\"" + s.wire() + "\",\"spoolDepth\":0,\"droppedEvents\":0}", text);
      assertEquals(s, Upstream.fromJson((Map<?, ?>) Json.parse(text)).state(), text);
      assertEquals(s.wire(), s.toString(), "text built from a state reads as its word");
    }
    Upstream newer = Upstream.fromJson(Map.of("state", "hibernating", "spoolDepth", 3));
    assertNull(newer.state());
    assertEquals(3, newer.spoolDepth());
  }
}
