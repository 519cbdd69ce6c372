package org.agentmon.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The common request line, {@code {"jsonrpc":"2.0","id":<n>,"method":"<name>"}}, written and
 * recognised without the JSON codec: every status call of a client and every request the helper's
 * one thread reads has this shape. Writing gives the bytes the codec gives; recognising accepts only
 * exactly this shape (a plain whole-number id, a method name of letters, digits, {@code .}, {@code -}
 * and {@code _}) and leaves anything else to the codec, so odd input gets the codec's answers.
 */
final class RequestLines {
  private static final byte[] METHOD = ",\"method\":\"".getBytes(StandardCharsets.US_ASCII);
  /** Methods are the protocol's constants; the bound keeps a caller's odd names from growing it. */
  private static final int MAX_CACHED = 64;
  /** Per method name: {@code ,"method":<name>} as the codec writes it. */
  private static final Map<String, byte[]> AFTER_ID = new ConcurrentHashMap<>();
  /** The protocol's request methods, read without making a new string for each request. */
  private static final String[] KNOWN = Methods.REQUESTS.toArray(new String[0]); // no iterator per request

  private RequestLines() {}

  /** @return the line {@link Messages#request} makes for a request without params */
  static byte[] write(long id, String method) {
    byte[] after = AFTER_ID.get(method);
    if (after == null) {
      after = concat(",\"method\":".getBytes(StandardCharsets.US_ASCII), Json.write(method));
      if (AFTER_ID.size() < MAX_CACHED) {
        AFTER_ID.put(method, after);
      }
    }
    String negative = id < 0 ? Long.toString(id) : null; // never from a client: their ids count up from 1
    int digits = negative != null ? negative.length() : decimalDigits(id);
    byte[] head = LineHead.HEAD;
    byte[] line = new byte[head.length + digits + after.length + 2];
    System.arraycopy(head, 0, line, 0, head.length);
    if (negative != null) {
      System.arraycopy(negative.getBytes(StandardCharsets.US_ASCII), 0, line, head.length, digits);
    } else {
      long rest = id;
      for (int i = head.length + digits - 1; i >= head.length; i--, rest /= 10) {
        line[i] = (byte) ('0' + rest % 10);
      }
    }
    System.arraycopy(after, 0, line, head.length + digits, after.length);
    line[line.length - 2] = '}';
    line[line.length - 1] = '\n';
    return line;
  }

  /** @return how many decimal digits a number of at least 0 has */
  private static int decimalDigits(long n) {
    int digits = 1;
    for (long rest = n / 10; rest > 0; rest /= 10) {
      digits++;
    }
    return digits;
  }

  /**
   * @param line one line without its terminator
   * @return the request, as {@link Request#parse} reads it, if the line has exactly the common
   *     shape; null for anything else
   */
  static Request recognise(byte[] line) {
    int at = LineHead.idEnd(line);
    if (at < 0 || !LineHead.startsWith(line, METHOD, at)) {
      return null;
    }
    long id = LineHead.id(line, at);
    int nameStart = at + METHOD.length;
    int end = nameStart;
    while (end < line.length && isNameChar(line[end])) {
      end++;
    }
    if (end == nameStart || end + 2 != line.length || line[end] != '"' || line[end + 1] != '}') {
      return null;
    }
    // The codec reads a whole number that fits an int as an Integer, and the answer echoes the id's type.
    Object idValue = id <= Integer.MAX_VALUE ? (Object) (int) id : (Object) id;
    return new Request(idValue, true, method(line, nameStart, end), Map.of());
  }

  /** @return the method name in {@code line[from, to)}: the protocol's own string for a known one */
  private static String method(byte[] line, int from, int to) {
    for (String m : KNOWN) {
      if (m.length() == to - from && same(m, line, from)) {
        return m;
      }
    }
    return new String(line, from, to - from, StandardCharsets.US_ASCII);
  }

  private static boolean same(String ascii, byte[] line, int at) {
    for (int i = 0; i < ascii.length(); i++) {
      if (line[at + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(byte b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '.' || b == '-'
        || b == '_';
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
