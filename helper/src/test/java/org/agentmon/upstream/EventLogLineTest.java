package org.agentmon.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventLogLineTest {
  @Test
  void whatIsWrittenDecodesBack() throws EventLogLine.Unreadable {
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("id", "i");
    ev.put("time", "t");
    ev.put("type", "x.y");
    ev.put("n", 3);
    EventLogLine.Event e = assertInstanceOf(EventLogLine.Event.class, decode(EventLogLine.event(7, ev)));
    assertEquals(7, e.seq());
    assertEquals(ev, e.event());
    EventLogLine.State s = assertInstanceOf(EventLogLine.State.class, decode(EventLogLine.state(5, 2)));
    assertEquals(new EventLogLine.State(5, 2), s);
  }

  /** Each of these once reached the event log; the first crashed every start (ClassCastException). */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"seq\":99,\"event\":{\"seq\":\"x\",\"type\":\"t\"}}",
      "{\"seq\":99,\"event\":{\"id\":\"i\",\"time\":\"t\",\"type\":\"t\",\"seq\":1}}",
      "{\"seq\":99,\"event\":{\"id\":\"i\",\"time\":\"t\",\"type\":\"t\",\"delivered\":true}}",
      "{\"seq\":99,\"event\":{\"id\":\"i\",\"time\":\"t\"}}",
      "{\"seq\":99,\"event\":{\"id\":1,\"time\":\"t\",\"type\":\"t\"}}",
      "{\"seq\":\"99\",\"event\":{\"id\":\"i\",\"time\":\"t\",\"type\":\"t\"}}",
      "{\"seq\":1.5,\"event\":{\"id\":\"i\",\"time\":\"t\",\"type\":\"t\"}}",
      "{\"seq\":0,\"event\":{\"id\":\"i\",\"time\":\"t\",\"type\":\"t\"}}",
      "{\"seq\":99999999999999999999999,\"event\":{\"id\":\"i\",\"time\":\"t\",\"type\":\"t\"}}",
      "{\"seq\":9223372036854775807,\"event\":{\"id\":\"i\",\"time\":\"t\",\"type\":\"t\"}}",
      "{\"seq\":9,\"event\":[]}",
      "{\"seq\":9}",
      "{\"acked\":\"x\",\"dropped\":0}",
      "{\"acked\":1,\"dropped\":-1}",
      "{\"acked\":1}",
      "{}",
      "[1,2]",
      "\"seq\"",
      "null",
      "{\"seq\":1,\"ev",
  })
  void aLineThatDoesNotFitIsRefusedWithAReason(String line) {
    EventLogLine.Unreadable e = assertThrows(EventLogLine.Unreadable.class,
        () -> decode(line.getBytes(StandardCharsets.UTF_8)));
    assertEquals(false, e.getMessage().isEmpty());
  }

  private static EventLogLine.Decoded decode(byte[] b) throws EventLogLine.Unreadable {
    int len = b.length > 0 && b[b.length - 1] == '\n' ? b.length - 1 : b.length;
    return EventLogLine.decode(b, 0, len);
  }
}
