package org.agentmon.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.agentmon.protocol.LineHead;

/**
 * The last answer to a call that is repeated unchanged ({@code status}), remembered by its bytes:
 * the helper encodes its status once and sends the same bytes until the status changes, so an answer
 * that differs from the last one only in its id is handed on as the last one was read, with the same
 * result object, without reading its JSON again. Only an answer of exactly the shape {@code
 * {"jsonrpc":"2.0","id":<n>,"result":...}} is remembered, and only once it was read whole; anything
 * else is read as usual.
 * Not thread-safe: one connection's synchronous exchanges use it under their lock.
 */
final class RepeatedAnswers {
  private static final byte[] RESULT = ",\"result\":".getBytes(StandardCharsets.US_ASCII);

  /** The last remembered answer's bytes after its id; null when none is remembered. */
  private byte[] tail;
  /**
   * That answer as it was read, without its id (checked against the call's before it is handed on):
   * shared by every answer handed on from it, never changed.
   */
  private Map<?, ?> answer;

  /**
   * @param line an answer line, without its terminator
   * @param id the id of the call it should answer
   * @return the answer to that call, without its id, when the line is the last remembered one with
   *     this id; else null
   */
  Map<?, ?> same(byte[] line, long id) {
    if (tail == null) {
      return null;
    }
    int end = idEnd(line, id);
    return end >= 0 && Arrays.equals(line, end, line.length, tail, 0, tail.length) ? answer : null;
  }

  /**
   * Remembers an answer read whole, if it has the usual shape; forgets the last one otherwise.
   *
   * @param line the answer line, without its terminator
   * @param id the id of the call it answers
   * @param answer what the line was read as
   */
  void remember(byte[] line, long id, Map<?, ?> answer) {
    int end = idEnd(line, id);
    boolean usual = end >= 0 && answer.size() == 3 && "2.0".equals(answer.get("jsonrpc"))
        && answer.get("result") instanceof Map && LineHead.startsWith(line, RESULT, end);
    tail = usual ? Arrays.copyOfRange(line, end, line.length) : null;
    this.answer = usual ? Map.of("jsonrpc", "2.0", "result", answer.get("result")) : null;
  }

  /** @return where the id ends when the line starts with the usual head and exactly this id, else -1 */
  private static int idEnd(byte[] line, long id) {
    int end = LineHead.idEnd(line);
    return end >= 0 && LineHead.id(line, end) == id && end < line.length && line[end] == ',' ? end : -1;
  }
}
