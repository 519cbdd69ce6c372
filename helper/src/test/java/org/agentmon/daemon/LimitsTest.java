package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agentmon.daemon.DaemonOptions.Setting;
import org.agentmon.it.fixtures.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection cap refuses clearly and recovers; idle connections that are not subscribed time out. */
class LimitsTest {
  static final String STATUS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}\n";

  @TempDir
  Path dir;

  @Test
  void pastTheCapTheNextClientIsToldWhyAndTheCapRecovers() throws Exception {
    List<RawClient> held = new ArrayList<>();
    try (InProcessHelper h = InProcessHelper.start(dir, o -> o.set(Setting.MAX_CONNECTIONS, 5))) {
      for (int i = 0; i < 5; i++) {
        RawClient c = new RawClient(h.socket);
        held.add(c);
        c.send(STATUS).readObject(); // accepted and served
      }
      try (RawClient refused = new RawClient(h.socket)) {
        Map<?, ?> err = refused.readObject();
        assertEquals(-32002, RawClient.errorCode(err));
        assertTrue(String.valueOf(((Map<?, ?>) err.get("error")).get("message")).contains("too many connections (5)"));
        assertTrue(refused.closedByPeer(5000));
      }
      held.remove(0).close();
      Thread.sleep(300); // the server reaps the closed connection on its next round
      try (RawClient again = new RawClient(h.socket)) {
        assertEquals("running", RawClient.result(again.send(STATUS).readObject()).get("state"));
      }
    } finally {
      for (RawClient c : held) {
        c.close();
      }
    }
  }

  @Test
  void idleConnectionsTimeOutButSubscribersStay() throws Exception {
    try (InProcessHelper h = InProcessHelper.start(dir, o -> o.set(Setting.CLIENT_IDLE_SECONDS, 1));
        RawClient idle = new RawClient(h.socket); RawClient sub = new RawClient(h.socket)) {
      sub.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\"}\n").readObject();
      idle.send(STATUS).readObject();
      assertTrue(idle.closedByPeer(4000), "an idle connection is closed after the timeout");
      assertFalse(sub.closedByPeer(2500), "a subscriber is not an idle connection");
    }
  }
}
