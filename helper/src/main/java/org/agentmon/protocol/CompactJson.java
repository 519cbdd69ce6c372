package org.agentmon.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the compact JSON the helper and its clients write (no whitespace, ASCII strings without
 * escapes, whole numbers) into the values the codec gives, several times faster than the codec
 * for a status answer. Anything else (whitespace, an escape, a non-ASCII byte, a fraction, a
 * leading zero, a repeated key, deep nesting, a value that does not end the input) is left to the
 * codec: the result is then null, never a guess, so bad input gets exactly the codec's error.
 */
final class CompactJson {
  private static final int MAX_DEPTH = 32;
  /**
   * Member names seen before, by a hash of their bytes: the same few names come in every status, and
   * reusing their strings saves making them and hashing them again in the map. Racy on purpose: a
   * slot holds some immutable name or null, and a miss only makes a new string.
   */
  private static final String[] NAMES = new String[256];
  private static final int MAX_CACHED_NAME = 32;

  private final byte[] in;
  private int at;

  private CompactJson(byte[] in) {
    this.in = in;
  }

  /** Says that the input is not of the compact kind; thrown only inside this class. */
  @SuppressWarnings("serial") // never serialized: it does not leave this class
  private static final class NotCompact extends Exception {
    NotCompact() {
      super(null, null, false, false);
    }
  }

  private static final NotCompact NOT_COMPACT = new NotCompact();

  /**
   * @param utf8 one JSON text
   * @return its value as {@link Json#parse(byte[])} gives it, or null when the codec must read it
   *     (a JSON {@code null} is left to the codec too)
   */
  static Object read(byte[] utf8) {
    CompactJson r = new CompactJson(utf8);
    try {
      Object v = r.value(0);
      return r.at == utf8.length ? v : null;
    } catch (NotCompact e) {
      return null;
    }
  }

  private Object value(int depth) throws NotCompact {
    if (at >= in.length || depth > MAX_DEPTH) {
      throw NOT_COMPACT;
    }
    byte b = in[at];
    if (b == '{') {
      return object(depth);
    }
    if (b == '[') {
      return array(depth);
    }
    if (b == '"') {
      return string();
    }
    if (b == '-' || (b >= '0' && b <= '9')) {
      return number();
    }
    if (word("true")) {
      return Boolean.TRUE;
    }
    if (word("false")) {
      return Boolean.FALSE;
    }
    if (depth > 0 && word("null")) {
      return null;
    }
    throw NOT_COMPACT;
  }

  private Map<String, Object> object(int depth) throws NotCompact {
    Map<String, Object> m = new LinkedHashMap<>();
    at++;
    if (peek() == '}') {
      at++;
      return m;
    }
    while (true) {
      if (peek() != '"') {
        throw NOT_COMPACT;
      }
      String key = name();
      expect(':');
      int size = m.size();
      m.put(key, value(depth + 1));
      if (m.size() == size) {
        throw NOT_COMPACT; // a repeated key, which the codec refuses
      }
      byte b = next();
      if (b == '}') {
        return m;
      }
      if (b != ',') {
        throw NOT_COMPACT;
      }
    }
  }

  private List<Object> array(int depth) throws NotCompact {
    List<Object> l = new ArrayList<>();
    at++;
    if (peek() == ']') {
      at++;
      return l;
    }
    while (true) {
      l.add(value(depth + 1));
      byte b = next();
      if (b == ']') {
        return l;
      }
      if (b != ',') {
        throw NOT_COMPACT;
      }
    }
  }

  /** A member name: a string, from {@link #NAMES} when it was seen before. */
  private String name() throws NotCompact {
    int start = at + 1;
    int hash = 0;
    int end = start;
    while (end < in.length && in[end] != '"' && end - start <= MAX_CACHED_NAME) {
      hash = 31 * hash + in[end];
      end++;
    }
    if (end >= in.length || in[end] != '"' || end - start > MAX_CACHED_NAME) {
      return string();
    }
    int slot = (hash ^ (hash >>> 8)) & (NAMES.length - 1);
    String known = NAMES[slot];
    if (known != null && sameAscii(known, start, end)) {
      at = end + 1;
      return known;
    }
    String name = string();
    NAMES[slot] = name;
    return name;
  }

  private boolean sameAscii(String s, int start, int end) {
    if (s.length() != end - start) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != in[start + i]) {
        return false;
      }
    }
    return true;
  }

  private String string() throws NotCompact {
    int start = ++at;
    while (at < in.length) {
      byte b = in[at];
      if (b == '"') {
        return new String(in, start, at++ - start, StandardCharsets.ISO_8859_1);
      }
      if (b < 0x20 || b == '\\') { // a negative byte is not ASCII
        throw NOT_COMPACT;
      }
      at++;
    }
    throw NOT_COMPACT;
  }

  /** A whole number of at most 18 digits: an Integer when it fits, as the codec reads it, else a Long. */
  private Object number() throws NotCompact {
    boolean negative = in[at] == '-';
    int start = negative ? ++at : at;
    long v = 0;
    while (at < in.length && in[at] >= '0' && in[at] <= '9' && at - start < 19) {
      v = v * 10 + (in[at++] - '0');
    }
    int digits = at - start;
    if (digits == 0 || digits > 18 || (in[start] == '0' && (digits > 1 || negative))) {
      throw NOT_COMPACT;
    }
    if (at < in.length && (in[at] == '.' || in[at] == 'e' || in[at] == 'E')) {
      throw NOT_COMPACT;
    }
    v = negative ? -v : v;
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : (Object) v;
  }

  private boolean word(String w) {
    if (in.length - at < w.length()) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      if (in[at + i] != w.charAt(i)) {
        return false;
      }
    }
    at += w.length();
    return true;
  }

  private byte peek() throws NotCompact {
    if (at >= in.length) {
      throw NOT_COMPACT;
    }
    return in[at];
  }

  private byte next() throws NotCompact {
    byte b = peek();
    at++;
    return b;
  }

  private void expect(char c) throws NotCompact {
    if (next() != c) {
      throw NOT_COMPACT;
    }
  }
}
