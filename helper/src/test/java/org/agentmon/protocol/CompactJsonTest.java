package org.agentmon.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact reader gives exactly the codec's values, or leaves the input to the codec. */
class CompactJsonTest {
  private static final String[] TEXTS = {"running", "x", "", "a b/c", "quote\"d", "back\\slash", "ünï", "tab\t",
      "\u0001", "2026-12-01T16:00:00.123Z", "https://example.test/"};
  private static final long[] NUMBERS = {0, 1, -1, 9, 10, -10, Integer.MAX_VALUE, Integer.MIN_VALUE,
      Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, 999_999_999_999_999_999L, -999_999_999_999_999_999L,
      1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE};

  @Test
  void readsGeneratedStatusAnswersAsTheCodecDoes() {
    Random r = new Random(15);
    int compact = 0;
    for (int n = 0; n < 3000; n++) {
      Status s = status(r);
      for (byte[] line : List.of(Messages.result(r.nextInt(1000), s.toJson()),
          Messages.notification(Methods.STATUS_CHANGED, s.toJson()), Messages.result("id-" + n, Map.of("status",
              s.toJson())))) {
        byte[] json = Arrays.copyOf(line, line.length - 1);
        if (CompactJson.read(json) != null) {
          compact++;
        }
        assertSameAsCodec(json);
      }
    }
    assertTrue(compact > 500, "statuses of plain ASCII and short numbers are read without the codec: " + compact);
  }

  @Test
  void readsAnUsualStatusAnswerWithoutTheCodec() {
    Status s = new Status(RunState.RUNNING, true, 1234, "5c0f", "1.2.3", "abc", "1.0", "2026-12-01T16:00:00.123Z",
        "bound", "none", 3, new Caller(1000, 1000, 4321, false), null, 1, null, null,
        new Upstream(Upstream.State.CONNECTED, "https://example.test/", null, null, null, 0, 0, null));
    byte[] line = Messages.result(17, s.toJson());
    Object v = CompactJson.read(Arrays.copyOf(line, line.length - 1));
    assertNotNull(v);
    assertEquals(s, Status.fromJson((Map<?, ?>) ((Map<?, ?>) v).get("result")));
  }

  /** One-byte edits of real lines: whatever the reader accepts, the codec reads the same way. */
  @Test
  void anyEditGetsTheCodecsValueOrError() {
    Random r = new Random(16);
    byte[] alphabet = "{}[]\",:0123456789-+.eE \t\\atruflsn\u0000\u00c3".getBytes(StandardCharsets.ISO_8859_1);
    for (int n = 0; n < 20_000; n++) {
      byte[] line = Messages.result(r.nextInt(100), status(r).toJson());
      assertSameAsCodec(OneByteEdits.edit(Arrays.copyOf(line, line.length - 1), r, alphabet));
    }
  }

  @Test
  void numbersHaveTheCodecsTypes() {
    for (long v : NUMBERS) {
      assertSameAsCodec(("[" + v + "]").getBytes(StandardCharsets.US_ASCII));
      assertSameAsCodec(("{\"n\":" + v + "}").getBytes(StandardCharsets.US_ASCII));
    }
    for (String odd : new String[] {"[01]", "[-0]", "[1.5]", "[1e3]", "[-]", "{\"a\":1,\"a\":2}", "{\"a\":1} ",
        "null", "{\"a\":\"\\u0041\"}", "{ \"a\":1}"}) {
      assertNull(CompactJson.read(odd.getBytes(StandardCharsets.ISO_8859_1)), odd);
    }
  }

  /**
   * Many different strings, far more than the reader remembers, of lengths around the longest name it
   * remembers, as names and values, read twice: always the codec's values, whatever was remembered.
   */
  @Test
  void manyStringsAsNamesAndValuesReadAsTheCodecDoesWhateverWasSeenBefore() {
    Random r = new Random(17);
    int compact = 0;
    for (int n = 0; n < 4000; n++) {
      StringBuilder b = new StringBuilder("{");
      int members = r.nextInt(40);
      for (int i = 0; i < members; i++) {
        b.append(i == 0 ? "" : ",").append('"').append(i).append('_').append(ascii(r)).append("\":");
        b.append(r.nextInt(4) == 0 ? "[\"" + ascii(r) + "\",{}]" : "\"" + ascii(r) + "\"");
      }
      byte[] json = b.append('}').toString().getBytes(StandardCharsets.US_ASCII);
      assertSameAsCodec(json);
      assertSameAsCodec(json);
      compact += CompactJson.read(json) != null ? 1 : 0;
    }
    assertEquals(4000, compact, "all of them are compact JSON");
  }

  @Test
  void aRepeatedKeyIsLeftToTheCodecAtAnyDepthAndSize() {
    for (String odd : new String[] {"{\"a\":{\"b\":1,\"b\":1}}", "[{\"x\":1},{\"y\":2,\"y\":2}]",
        "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,"
            + "\"k\":11,\"l\":12,\"m\":13,\"n\":14,\"o\":15,\"p\":16,\"q\":17,\"a\":18}"}) {
      assertNull(CompactJson.read(odd.getBytes(StandardCharsets.US_ASCII)), odd);
    }
  }

  /** Printable ASCII, mostly letters, 0 to 45 characters: around the longest string the reader remembers. */
  private static String ascii(Random r) {
    int length = r.nextInt(8) == 0 ? 38 + r.nextInt(8) : r.nextInt(12);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(r.nextInt(10) == 0 ? (char) (0x20 + r.nextInt(95)) : (char) ('a' + r.nextInt(3)));
    }
    return b.toString().replace("\"", "").replace("\\", "");
  }

  private static void assertSameAsCodec(byte[] json) {
    String what = new String(json, StandardCharsets.ISO_8859_1);
    Object fast = CompactJson.read(json);
    if (fast == null) {
      return; // left to the codec
    }
    Object codec;
    try {
      codec = Json.parseWithCodec(json);
    } catch (JsonException e) {
      fail("the compact reader accepted what the codec refuses (" + e.getMessage() + "): " + what);
      return;
    }
    assertEquals(typed(codec), typed(fast), what);
  }

  /** The value with every number's and container's type spelled out, and map keys in order. */
  private static String typed(Object v) {
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      m.forEach((k, x) -> b.append(typed(k)).append(':').append(typed(x)).append(','));
      return b.append('}').toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      l.forEach(x -> b.append(typed(x)).append(','));
      return b.append(']').toString();
    }
    return v == null ? "null" : v.getClass().getSimpleName() + "(" + v + ")";
  }

  private static Status status(Random r) {
    return new Status(RunState.values()[r.nextInt(RunState.values().length)], r.nextBoolean(), number(r), text(r), text(r), text(r), "1.0", text(r), text(r),
        text(r), r.nextInt(5), r.nextInt(4) == 0 ? null : new Caller(number(r), number(r), number(r),
            r.nextBoolean()), text(r), r.nextInt(3), text(r), text(r), r.nextInt(3) == 0 ? null
            : new Upstream(Upstream.State.values()[r.nextInt(Upstream.State.values().length)], text(r), text(r), text(r), null, number(r), r.nextInt(9), text(r),
                r.nextBoolean() ? List.of() : List.of(TEXTS[r.nextInt(TEXTS.length)], "w")));
  }

  private static String text(Random r) {
    return r.nextInt(5) == 0 ? null : TEXTS[r.nextInt(r.nextInt(3) == 0 ? TEXTS.length : 3)];
  }

  private static long number(Random r) {
    return r.nextBoolean() ? r.nextInt(100_000) : NUMBERS[r.nextInt(NUMBERS.length)];
  }

}
