package org.agentmon.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
   * Short strings seen before, by a hash of their bytes: the same member names and mostly the same
   * values come in every status, and reusing their strings saves making them (and hashing a name
   * again in its map). Racy on purpose: a slot holds some immutable entry or null, and a miss only
   * makes a new string. A hash picks a pair of slots, which keeps the newest two strings, so that
   * two strings of one status rarely take turns. Bounded: 1024 entries of at most {@link #MAX_SEEN}
   * bytes.
   */
  private static final int SEEN_BITS = 10;
  private static final Seen[] SEEN = new Seen[1 << SEEN_BITS];
  private static final int MAX_SEEN = 40;

  /** A string seen before: its bytes, compared with the input's, and the string made from them. */
  private record Seen(byte[] bytes, String text) {}

  private final byte[] in;
  private int at;
  /**
   * Name, value, name, value: the members read so far of the objects being read, the innermost
   * last; bounded by the input's length, as every member takes at least four bytes of it.
   */
  private Object[] pairs = new Object[64];
  private int top;

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

  /**
   * An object: its members are gathered on {@link #pairs} first, so that the map is made once at its
   * final size (a status's fifteen members would otherwise grow a default map's table once).
   */
  private Map<String, Object> object(int depth) throws NotCompact {
    at++;
    int base = top;
    if (peek() == '}') {
      at++;
      return new LinkedHashMap<>();
    }
    while (true) {
      if (peek() != '"') {
        throw NOT_COMPACT;
      }
      String key = string();
      expect(':');
      Object value = value(depth + 1); // an inner object uses pairs above top and leaves top as it was
      push(key, value);
      byte b = next();
      if (b == '}') {
        break;
      }
      if (b != ',') {
        throw NOT_COMPACT;
      }
    }
    int members = (top - base) / 2;
    Map<String, Object> m = new LinkedHashMap<>((int) Math.ceil(members / 0.75)); // never resized
    for (int i = base; i < top; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    top = base;
    if (m.size() != members) {
      throw NOT_COMPACT; // a repeated key, which the codec refuses
    }
    return m;
  }

  private void push(String key, Object value) {
    if (top + 2 > pairs.length) {
      pairs = Arrays.copyOf(pairs, pairs.length * 2);
    }
    pairs[top++] = key;
    pairs[top++] = value;
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

  /**
   * A string of printable ASCII without escapes: the one from {@link #SEEN} when the same bytes came
   * before, else a new one, remembered when it is short.
   */
  private String string() throws NotCompact {
    int start = ++at;
    int hash = 0;
    while (true) {
      if (at >= in.length) {
        throw NOT_COMPACT;
      }
      byte b = in[at];
      if (b == '"') {
        break;
      }
      if (b < 0x20 || b == '\\') { // a negative byte is not ASCII
        throw NOT_COMPACT;
      }
      hash = 31 * hash + b;
      at++;
    }
    int end = at++;
    if (end - start > MAX_SEEN) {
      return new String(in, start, end - start, StandardCharsets.ISO_8859_1);
    }
    int pair = ((hash * 0x9E3779B9) >>> (32 - SEEN_BITS)) & ~1; // two slots, the newer first
    Seen newer = SEEN[pair];
    if (newer != null && Arrays.equals(newer.bytes, 0, newer.bytes.length, in, start, end)) {
      return newer.text;
    }
    Seen older = SEEN[pair + 1];
    if (older != null && Arrays.equals(older.bytes, 0, older.bytes.length, in, start, end)) {
      return older.text;
    }
    String text = new String(in, start, end - start, StandardCharsets.ISO_8859_1);
    SEEN[pair + 1] = newer;
    SEEN[pair] = new Seen(Arrays.copyOfRange(in, start, end), text);
    return text;
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
