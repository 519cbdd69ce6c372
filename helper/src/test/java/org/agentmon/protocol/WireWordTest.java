package org.agentmon.protocol;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Every state list reads its own words back, and nothing else; a word is made once, not per call. */
class WireWordTest {
  @Test
  void everyConstantsWordReadsBackAsItAndIsMadeOnce() {
    for (RunState s : RunState.values()) {
      assertSame(s, RunState.fromWire(s.wire()), s.name());
      assertSame(s.wire(), s.wire(), "the same string every time: " + s.name());
    }
    for (Upstream.State s : Upstream.State.values()) {
      assertSame(s, Upstream.State.fromWire(s.wire()), s.name());
      assertSame(s.wire(), s.wire(), "the same string every time: " + s.name());
    }
  }

  @Test
  void unknownMissingAndJavaNamedWordsReadAsNone() {
    for (String word : new String[] {null, "", "starting", "RUNNING", "safe_mode", "SAFE_MODE", "safe-mode ",
        "not_configured", "connected-", "Connected"}) {
      assertNull(RunState.fromWire(word), word);
      assertNull(Upstream.State.fromWire(word), word);
    }
    assertNull(RunState.fromWire("connected"), "another list's word");
    assertNull(Upstream.State.fromWire("running"), "another list's word");
  }
}
