package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.agentmon.protocol.RunState;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.RawClient;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a caller may do follows the decision made for its connection, through the whole stack: a
 * read-only caller reads and is refused every change; an administrator's {@code stop} ends the loop
 * after the answer. Real peer credentials (another uid, a member of the admin group) are the
 * process-level {@code AuthorizationIT}'s.
 */
class CallerRightsTest {
  @TempDir
  Path dir;

  @Test
  void aReadOnlyCallerReadsAndIsRefusedEveryChangeWithMinus32001() throws Exception {
    try (InProcessHelper h = InProcessHelper.startAs(dir, 65534, false)) {
      Status s = h.status();
      assertEquals(65534, s.caller().uid());
      assertFalse(s.caller().admin());
      for (String method : new String[] {"hello", "events", "subscribe"}) {
        Map<?, ?> r = RawClient.call(h.socket, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\"}");
        assertTrue(r.containsKey("result"), method + " -> " + r);
      }
      for (String method : new String[] {"restart", "stop", "start"}) {
        Map<?, ?> r = RawClient.call(h.socket, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\"}");
        assertEquals(ErrorCodes.PERMISSION_DENIED, RawClient.errorCode(r), method + " -> " + r);
      }
      Status after = h.status();
      assertEquals(RunState.RUNNING, after.state(), "nothing a read-only caller asked for happened");
      assertTrue(after.enabled());
    }
  }

  @Test
  void anAdministratorsStopIsAnsweredThenEndsTheLoop() throws Exception {
    try (InProcessHelper h = InProcessHelper.startAs(dir, 501, true)) {
      try (HelperClient c = h.client()) {
        assertTrue(c.status().caller().admin());
        c.stop();
      }
      Exit exit = h.awaitExit(Duration.ofSeconds(10));
      assertEquals("stop", exit.how(), exit.toString());
    }
  }
}
