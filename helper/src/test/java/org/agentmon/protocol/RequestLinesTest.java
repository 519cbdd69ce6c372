package org.agentmon.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The request lines written and read without the codec are exactly what the codec writes and reads. */
class RequestLinesTest {
  private static final long[] IDS = {0, 1, 9, 10, 99, 12345, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
      999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE, -1, -10, Long.MIN_VALUE};
  private static final String[] METHODS = {Methods.STATUS, Methods.HELLO, Methods.SUBSCRIBE, Methods.EVENTS,
      Methods.STATUS_CHANGED, "a", "x_y-z.1", "with space", "quote\"d", "back\\slash", "ünï", "tab\t", ""};

  @Test
  void writesTheBytesTheCodecWrites() {
    Random r = new Random(15);
    for (String method : METHODS) {
      for (long id : ids(r)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jsonrpc", "2.0");
        m.put("id", id);
        m.put("method", method);
        assertArrayEquals(Json.line(m), Messages.request(id, method, null), method + " " + id);
      }
    }
  }

  @Test
  void readsTheCommonShapeAsTheCodecDoes() throws RpcException {
    Random r = new Random(16);
    for (String method : METHODS) {
      for (long id : ids(r)) {
        assertSameAsCodec(withoutNewline(Messages.request(id, method, null)));
      }
    }
    assertNotNull(RequestLines.recognise(withoutNewline(Messages.request(Integer.MAX_VALUE + 1L, "status", null))));
  }

  /** Every line one edit away from a common one gets exactly the codec's request or error. */
  @Test
  void anyEditOfTheCommonShapeGetsTheCodecsAnswer() throws RpcException {
    Random r = new Random(17);
    byte[] alphabet = "{}[]\",:0123456789-+.eE \t\\ajsonrpcidmethodstatus2\u0000".getBytes(StandardCharsets.ISO_8859_1);
    int fast = 0;
    for (int n = 0; n < 20_000; n++) {
      byte[] line = withoutNewline(Messages.request(IDS[r.nextInt(IDS.length)], METHODS[r.nextInt(5)], null));
      byte[] edited = OneByteEdits.edit(line, r, alphabet);
      if (RequestLines.recognise(edited) != null) {
        fast++;
      }
      assertSameAsCodec(edited);
    }
    assertNotNull(RequestLines.recognise(withoutNewline(Messages.request(7, "status", null))));
    assertTrue(fast > 0, "some edits keep the common shape (another id or name)");
  }

  @Test
  void leavesEverythingElseToTheCodec() {
    for (String line : new String[] {"{\"jsonrpc\":\"2.0\",\"id\":01,\"method\":\"status\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":-1,\"method\":\"status\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"} ",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\",\"id\":2}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1234567890123456789,\"method\":\"status\"}"}) {
      assertNull(RequestLines.recognise(line.getBytes(StandardCharsets.UTF_8)), line);
    }
  }

  private static void assertSameAsCodec(byte[] line) {
    String what = new String(line, StandardCharsets.ISO_8859_1);
    Object expected = outcome(line, false);
    Object actual = outcome(line, true);
    assertEquals(expected, actual, what);
  }

  /** The request with its id's type, or the error line: what the helper would act on or send. */
  private static Object outcome(byte[] line, boolean viaParse) {
    try {
      Request q = viaParse ? Request.parse(line) : Request.parseWithCodec(line);
      return List.of(q, q.id() == null ? "null" : q.id().getClass().getName());
    } catch (RpcException e) {
      return new String(e.toLine(), StandardCharsets.UTF_8);
    }
  }


  private static List<Long> ids(Random r) {
    List<Long> ids = new ArrayList<>();
    for (long id : IDS) {
      ids.add(id);
    }
    for (int i = 0; i < 20; i++) {
      ids.add(r.nextLong() & Long.MAX_VALUE);
      ids.add((long) r.nextInt(1_000_000));
    }
    return ids;
  }

  private static byte[] withoutNewline(byte[] line) {
    byte[] out = new byte[line.length - 1];
    System.arraycopy(line, 0, out, 0, out.length);
    return out;
  }
}
