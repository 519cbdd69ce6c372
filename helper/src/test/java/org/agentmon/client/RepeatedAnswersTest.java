package org.agentmon.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.agentmon.protocol.Caller;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.JsonException;
import org.agentmon.protocol.Messages;
import org.agentmon.protocol.OneByteEdits;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.agentmon.protocol.Upstream;
import org.junit.jupiter.api.Test;

/** An answer handed on without reading it is always what reading it would have given. */
class RepeatedAnswersTest {
  private static final Status STATUS = new Status(RunState.RUNNING, true, 4242, "5c0f-77", "1.2.3", "b1", "1.0",
      "2026-12-01T16:00:00.123Z", "bound", "none", 2, new Caller(1000, 1000, 4321, false), null, 1, null, null,
      new Upstream(Upstream.State.CONNECTED, "https://example.test/", null, null, null, 3, 0, null, List.of("w")));

  @Test
  void theSameAnswerWithTheNextIdIsHandedOnWithTheSameResult() {
    RepeatedAnswers r = new RepeatedAnswers();
    assertNull(r.same(answer(1, STATUS), 1), "nothing remembered yet");
    Map<?, ?> first = read(answer(1, STATUS));
    r.remember(answer(1, STATUS), 1, first);

    Map<?, ?> again = r.same(answer(2, STATUS), 2);
    assertNotNull(again);
    assertEquals(withoutId(read(answer(2, STATUS))), again, "what reading it gives, but the id");
    assertSame(first.get("result"), again.get("result"));
    assertSame(again, r.same(answer(10_000_000_000L, STATUS), 10_000_000_000L), "a long id");
  }

  @Test
  void aChangedStatusOrAnotherIdIsReadAgain() {
    RepeatedAnswers r = new RepeatedAnswers();
    r.remember(answer(1, STATUS), 1, read(answer(1, STATUS)));
    assertNull(r.same(answer(2, STATUS.forCaller(new Caller(1000, 1000, 4322, false))), 2), "another status");
    assertNull(r.same(answer(3, STATUS), 2), "the answer to another call");
    assertNull(r.same(line("{\"jsonrpc\":\"2.0\",\"id\":02" + tail(answer(1, STATUS))), 2), "a leading zero");
    byte[] good = answer(4, STATUS);
    int idEnd = "{\"jsonrpc\":\"2.0\",\"id\":4".length();
    for (int at = idEnd; at < good.length; at++) {
      byte[] changed = good.clone();
      changed[at] = (byte) (changed[at] == 'x' ? 'y' : 'x');
      assertNull(r.same(changed, 4), "a byte changed at " + at);
    }
  }

  @Test
  void onlyTheUsualShapeIsRemembered() {
    String tail = tail(answer(1, STATUS));
    for (String odd : new String[] {"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"no\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"extra\":1}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[1]}",
        "{\"jsonrpc\":\"2.0\",\"id\":1 " + tail, "{\"jsonrpc\":\"2.0\",\"id\":\"1\"" + tail,
        "{\"jsonrpc\":\"1.0\",\"id\":1" + tail, "{\"id\":1,\"jsonrpc\":\"2.0\",\"result\":{}}"}) {
      Map<?, ?> read = read(line(odd));
      assertNotNull(read, odd);
      RepeatedAnswers r = new RepeatedAnswers();
      r.remember(line(odd), 1, read);
      String next = odd.replace("\"id\":1", "\"id\":2").replace("\"id\":\"1\"", "\"id\":\"2\"");
      assertNull(r.same(line(next), 2), odd);
    }
    RepeatedAnswers r = new RepeatedAnswers();
    r.remember(answer(1, STATUS), 1, read(answer(1, STATUS)));
    r.remember(line("{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":1,\"message\":\"x\"}}"), 2,
        Map.of("jsonrpc", "2.0", "id", 2, "error", Map.of()));
    assertNull(r.same(answer(3, STATUS), 3), "an unusual answer forgets the last usual one");
  }

  /** One-byte edits of the next answer: whatever is handed on is what reading the line gives. */
  @Test
  void anyEditIsEitherReadOrHandedOnAsReadingItWouldGive() {
    Random random = new Random(15);
    byte[] alphabet = "{}[]\",:0123456789-+.eE \t\\atrulsn".getBytes(StandardCharsets.US_ASCII);
    RepeatedAnswers r = new RepeatedAnswers();
    r.remember(answer(1, STATUS), 1, read(answer(1, STATUS)));
    int handedOn = 0;
    for (int n = 0; n < 20_000; n++) {
      byte[] edited = OneByteEdits.edit(answer(2, STATUS), random, alphabet);
      Map<?, ?> same = r.same(edited, 2);
      if (same != null) {
        handedOn++;
        Map<?, ?> read = read(edited);
        assertEquals(2, read.get("id"));
        assertEquals(withoutId(read), same, new String(edited, StandardCharsets.US_ASCII));
      }
    }
    assertTrue(handedOn > 0 && handedOn < 2_000, "edits to the id and after it are read again: " + handedOn);
  }

  private static byte[] answer(long id, Status s) {
    byte[] line = Messages.result(id, s.toJson());
    return Arrays.copyOf(line, line.length - 1);
  }

  /** @return the answer's text after its id */
  private static String tail(byte[] answer) {
    String text = new String(answer, StandardCharsets.US_ASCII);
    return text.substring(text.indexOf(",\"result\""));
  }

  private static byte[] line(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static Map<?, ?> withoutId(Map<?, ?> answer) {
    Map<Object, Object> m = new LinkedHashMap<>(answer);
    m.remove("id");
    return m;
  }

  private static Map<?, ?> read(byte[] line) {
    try {
      return (Map<?, ?>) Json.parse(line);
    } catch (JsonException | ClassCastException e) {
      return null;
    }
  }
}
