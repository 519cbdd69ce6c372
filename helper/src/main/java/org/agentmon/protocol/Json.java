package org.agentmon.protocol;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.jr.ob.JSON;

/**
 * The one JSON codec of the protocol: jackson-jr, chosen for its small cold-start cost (a helper
 * started on demand pays for every class it loads before its first answer).
 */
public final class Json {
  private static final JSON CODEC = JSON.builder()
      // Nulls are written: JSON-RPC needs "id": null on errors for unreadable requests.
      .enable(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS, JSON.Feature.PRESERVE_FIELD_ORDERING,
          JSON.Feature.WRITE_NULL_PROPERTIES)
      .build();

  private Json() {}

  /**
   * Parses one JSON text.
   *
   * @param utf8 the bytes of one line, without its terminator
   * @return a {@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean} or null
   * @throws JsonException if the bytes are not one valid JSON value in valid UTF-8
   */
  public static Object parse(byte[] utf8) {
    Object compact = CompactJson.read(utf8); // what the helper and clients write, without the codec
    if (compact != null) {
      return compact;
    }
    return parseWithCodec(utf8);
  }

  /** {@link #parse(byte[])} with the codec alone: the reference for {@link CompactJson}. */
  static Object parseWithCodec(byte[] utf8) {
    try {
      return CODEC.anyFrom(utf8);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new JsonException(firstLine(e.getMessage()), e);
    }
  }

  /**
   * Parses one JSON text.
   *
   * @param text the text
   * @return see {@link #parse(byte[])}
   * @throws JsonException if the text is not valid JSON
   */
  public static Object parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes a value as compact JSON.
   *
   * @param value maps, lists, strings, numbers, booleans, null
   * @return the UTF-8 bytes, without a line terminator
   */
  public static byte[] write(Object value) {
    return CODEC.asBytes(value);
  }

  /**
   * Writes a value as one line of compact JSON, the framing of the protocol and of the event log.
   *
   * @param value see {@link #write(Object)}
   * @return the UTF-8 bytes, with the terminating {@code \n}
   */
  public static byte[] line(Object value) {
    byte[] json = write(value);
    byte[] out = new byte[json.length + 1];
    System.arraycopy(json, 0, out, 0, json.length);
    out[json.length] = '\n';
    return out;
  }

  /**
   * Writes a value as compact JSON text.
   *
   * @param value see {@link #write(Object)}
   * @return the text
   */
  public static String toText(Object value) {
    return CODEC.asString(value);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid JSON";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
