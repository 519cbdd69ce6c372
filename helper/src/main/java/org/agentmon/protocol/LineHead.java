package org.agentmon.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The start the codec gives every request and answer line of the protocol, {@code
 * {"jsonrpc":"2.0","id":<n>}, with a plain id: a whole number of 1 to 18 digits without a leading
 * zero, as the codec writes it. Read here without the codec, in one way, for the two hot paths that
 * skip it: the helper recognising a common request ({@link RequestLines}) and a client recognising a
 * repeated answer. Any other start is left to the codec.
 */
public final class LineHead {
  /** The bytes before the id. */
  static final byte[] HEAD = "{\"jsonrpc\":\"2.0\",\"id\":".getBytes(StandardCharsets.US_ASCII);
  /** At most this many digits: no overflow of a long, and more than any id a peer counts to. */
  private static final int MAX_DIGITS = 18;

  private LineHead() {}

  /**
   * @param line one line, without its terminator
   * @return the index just past the plain id when the line starts with the head and one, else -1
   */
  public static int idEnd(byte[] line) {
    if (!startsWith(line, HEAD, 0)) {
      return -1;
    }
    int start = HEAD.length;
    int at = start;
    while (at < line.length && at - start <= MAX_DIGITS && line[at] >= '0' && line[at] <= '9') {
      at++;
    }
    int digits = at - start;
    return digits == 0 || digits > MAX_DIGITS || (digits > 1 && line[start] == '0') ? -1 : at;
  }

  /**
   * @param end what {@link #idEnd} gave for the line, at least 0
   * @return the id's value
   */
  public static long id(byte[] line, int end) {
    long id = 0;
    for (int i = HEAD.length; i < end; i++) {
      id = id * 10 + (line[i] - '0');
    }
    return id;
  }

  /** @return whether {@code line} holds {@code prefix} from {@code at} */
  public static boolean startsWith(byte[] line, byte[] prefix, int at) {
    if (at < 0 || line.length - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (line[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
