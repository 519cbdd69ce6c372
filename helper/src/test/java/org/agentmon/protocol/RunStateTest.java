package org.agentmon.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one list of helper states: the words on the wire stay those old clients know. */
class RunStateTest {
  @Test
  void theWireWordsAreTheOnesOldClientsKnow() {
    assertEquals(List.of("running", "disabled", "stopping", "safe-mode"),
        Arrays.stream(RunState.values()).map(RunState::wire).toList());
  }

  @Test
  void everyStateRoundTripsThroughStatusJsonAsItsWord() {
    for (RunState s : RunState.values()) {
      Map<String, Object> json = Status.fromJson(Map.of("state", s.wire())).toJson();
      assertEquals(s.wire(), json.get("state"), "written as its word, not its Java name");
      String text = Json.toText(json);
      assertEquals(s, Status.fromJson((Map<?, ?>) Json.parse(text)).state(), text);
    }
  }

  @Test
  void startingIsNoStateAndAnUnknownWordReadsAsNoneWithTheRestIntact() {
    // "starting" was documented but never sent: a client that connects early waits in the queue.
    assertNull(RunState.fromWire("starting"));
    Status s = Status.fromJson(Map.of("state", "hibernating", "pid", 7, "instanceId", "i"));
    assertNull(s.state());
    assertEquals(7, s.pid());
    assertNull(RunState.fromWire(null));
  }
}
