package org.agentmon.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code upstream.warnings} is new: old helpers send none, old clients never see an empty list. */
class UpstreamWarningsTest {
  @Test
  void warningsRoundTrip() {
    Upstream u = new Upstream(Upstream.State.CONNECTED, "https://x.example", null, null, null, 0, 0, null,
        List.of("/etc/agentmon/org.agentmon.helper.plist holds the EnrollmentToken and every user can read it"));
    assertEquals(u, Upstream.fromJson((Map<?, ?>) Json.parse(Json.toText(u.toJson()))));
  }

  @Test
  void noWarningsAreLeftOutAndAnOldHelpersAnswerHasNone() {
    Upstream quiet = new Upstream(Upstream.State.CONNECTED, "https://x.example", null, null, null, 0, 0, null);
    assertFalse(quiet.toJson().containsKey("warnings"), "sent only when there are some");
    Upstream old = Upstream.fromJson((Map<?, ?>) Json.parse("{\"state\":\"connected\",\"spoolDepth\":3}"));
    assertEquals(List.of(), old.warnings());
    Upstream junk = Upstream.fromJson((Map<?, ?>) Json.parse("{\"state\":\"connected\",\"warnings\":[1,\"w\"]}"));
    assertEquals(List.of("w"), junk.warnings());
  }
}
