package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.agentmon.it.fixtures.Cli;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local event log: admin actions with who did them, {@code events} and its {@code follow}. */
class EventsIT {
  @TempDir
  Path tmp;

  @Test
  void followGetsEveryNewEventWithTheCaller() throws Exception {
    try (HelperProcess helper = new HelperProcess(tmp.resolve("h")).start();
        RawClient follower = new RawClient(helper.socket);
        RawClient plain = new RawClient(helper.socket)) {
      follower.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"events\",\"params\":{\"limit\":5,\"follow\":true}}\n");
      Map<?, ?> first = RawClient.result(follower.readObject());
      assertEquals(Boolean.TRUE, first.get("following"));
      List<?> events = (List<?>) first.get("events");
      assertEquals("helper.started", ((Map<?, ?>) events.get(events.size() - 1)).get("type"));
      plain.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"events\"}\n");
      RawClient.result(plain.readObject());

      Cli.Result start = Cli.run("start", "--socket", helper.socket.toString());
      assertEquals(0, start.code(), start.out());
      Map<?, ?> note = follower.readObject();
      Map<?, ?> ev = (Map<?, ?>) note.get("params");
      assertEquals("helper.enabled", ev.get("type"));
      assertTrue(((Number) ev.get("uid")).longValue() >= 0 && ((Number) ev.get("pid")).longValue() > 0, ev.toString());
      assertEquals(36, ((String) ev.get("id")).length(), "a UUID");
      plain.timeout(500);
      assertThrows(java.net.SocketTimeoutException.class, plain::readLine, "a plain events call gets no notifications");

      Cli.Result shown = Cli.run("events", "--socket", helper.socket.toString());
      assertEquals(0, shown.code(), shown.out());
      assertTrue(shown.out().contains("helper.started") && shown.out().contains("helper.enabled"), shown.out());
    }
  }

  @Test
  void aFollowerGetsEventsButNoStatusAndStaysOpenWhileQuiet() throws Exception {
    // Regression: following the trail once also subscribed, so `events --follow` got status.changed.
    try (HelperProcess helper = new HelperProcess(tmp.resolve("h")).args("--client-idle-timeout", "1").start();
        RawClient follower = new RawClient(helper.socket);
        RawClient subscriber = new RawClient(helper.socket)) {
      follower.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"events\",\"params\":{\"limit\":1,\"follow\":true}}\n");
      RawClient.result(follower.readObject());
      subscriber.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\"}\n");
      RawClient.result(subscriber.readObject());

      Cli.Result first = Cli.run("start", "--socket", helper.socket.toString());
      assertEquals(0, first.code(), first.out());
      Map<?, ?> change = subscriber.readObject();
      assertEquals("status.changed", change.get("method"), "a subscriber is told of the change");
      // Every status.changed of that change is queued by now; the next event comes after it.
      Cli.Result second = Cli.run("start", "--socket", helper.socket.toString());
      assertEquals(0, second.code(), second.out());
      for (int events = 0; events < 2; ) {
        Map<?, ?> note = follower.readObject();
        assertEquals("event", note.get("method"), "a follower gets events only: " + note);
        events++;
      }
      assertFalse(follower.closedByPeer(2500), "a quiet follower is not an idle connection");
    }
  }
}
