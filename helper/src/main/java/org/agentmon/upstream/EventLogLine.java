package org.agentmon.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.JsonException;

/**
 * The format of one line of the event log, written and checked in this one place: {@code
 * {"seq":N,"event":{"id":…,"time":…,"type":…,…}}} for an event, {@code {"acked":N,"dropped":D}}
 * for the delivery state. A line that does not fit is refused here, so nothing malformed reaches
 * {@code events} (a wrongly typed line once crashed every start).
 */
final class EventLogLine {
  /** Keys the event log adds when it shows an event; an event must not carry them itself. */
  private static final Set<String> SHOWN_KEYS = Set.of("seq", "delivered");
  private static final Set<String> EVENT_LINE = Set.of("seq", "event");
  private static final Set<String> STATE_LINE = Set.of("acked", "dropped");
  private static final byte[][] LINE_STARTS = {
      "{\"seq\":".getBytes(StandardCharsets.US_ASCII), "{\"acked\":".getBytes(StandardCharsets.US_ASCII)};
  /** Above this a number could not grow without overflowing, nor be read exactly by every JSON reader. */
  private static final long MAX_NUMBER = (1L << 53) - 1;

  private EventLogLine() {}

  /** What a line holds. */
  sealed interface Decoded permits Event, State { }

  /** An event and its sequence number. */
  record Event(long seq, Map<String, Object> event) implements Decoded { }

  /** Everything up to {@code acked} was delivered or dropped; {@code dropped} counts the dropped. */
  record State(long acked, long dropped) implements Decoded { }

  /** A line that does not fit the format; the message says why, never what the line holds. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String why) {
      super(why, null, false, false);
    }
  }

  /** @return the line for an event, with its terminator */
  static byte[] event(long seq, Map<String, Object> event) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("seq", seq);
    line.put("event", event);
    return Json.line(line);
  }

  /** @return the line for the delivery state, with its terminator */
  static byte[] state(long acked, long dropped) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("acked", acked);
    line.put("dropped", dropped);
    return Json.line(line);
  }

  /**
   * Decodes one line.
   *
   * @param bytes holds the line
   * @param off where it starts
   * @param len its length, without the terminator
   * @return the event or the state
   * @throws Unreadable if the line is not JSON or does not fit the format
   */
  static Decoded decode(byte[] bytes, int off, int len) throws Unreadable {
    Object doc;
    try {
      doc = Json.parse(new String(bytes, off, len, StandardCharsets.UTF_8));
    } catch (JsonException e) {
      throw new Unreadable("not JSON");
    }
    if (!(doc instanceof Map<?, ?> m)) {
      throw new Unreadable("not a JSON object");
    }
    if (m.keySet().equals(EVENT_LINE)) {
      long seq = whole(m.get("seq"), "seq");
      if (seq < 1) {
        throw new Unreadable("\"seq\" is not positive");
      }
      if (!(m.get("event") instanceof Map<?, ?> ev)) {
        throw new Unreadable("\"event\" is not an object");
      }
      String bad = eventProblem(ev);
      if (bad != null) {
        throw new Unreadable(bad);
      }
      @SuppressWarnings("unchecked") // checked above: a JSON object, whose keys are strings
      Map<String, Object> event = (Map<String, Object>) ev;
      return new Event(seq, event);
    }
    if (m.keySet().equals(STATE_LINE)) {
      long acked = whole(m.get("acked"), "acked");
      long dropped = whole(m.get("dropped"), "dropped");
      if (acked < 0 || dropped < 0) {
        throw new Unreadable("\"acked\" or \"dropped\" is negative");
      }
      return new State(acked, dropped);
    }
    throw new Unreadable("neither an event nor a delivery state");
  }

  /**
   * Finds a whole line glued to the end of a partial one, as an append after a failed one left
   * them before failed appends were cut back. Such a line starts where these bytes could not be
   * inside a JSON string (there they are escaped), and must decode by itself.
   *
   * @param bytes holds the line
   * @param off where it starts
   * @param len its length, without the terminator
   * @return where the glued line starts, or -1 when there is none
   */
  static int gluedLine(byte[] bytes, int off, int len) {
    for (int i = off + 1; i < off + len; i++) {
      for (byte[] start : LINE_STARTS) {
        if (i + start.length <= off + len && Arrays.equals(bytes, i, i + start.length, start, 0, start.length)) {
          try {
            decode(bytes, i, off + len - i);
            return i;
          } catch (Unreadable notThisOne) {
            break; // a line start inside the partial line: look further
          }
        }
      }
    }
    return -1;
  }

  /**
   * @param event an event about to be written or just read
   * @return why it does not fit the format, or null when it does
   */
  static String eventProblem(Map<?, ?> event) {
    for (String key : new String[] {"id", "time", "type"}) {
      if (!(event.get(key) instanceof String s) || s.isEmpty()) {
        return "the event has no \"" + key + "\" string";
      }
    }
    for (String key : SHOWN_KEYS) {
      if (event.containsKey(key)) {
        return "the event has a field \"" + key + "\", which the event log reserves";
      }
    }
    return null;
  }

  private static long whole(Object v, String key) throws Unreadable {
    if ((v instanceof Integer || v instanceof Long) && ((Number) v).longValue() <= MAX_NUMBER) {
      return ((Number) v).longValue();
    }
    throw new Unreadable("\"" + key + "\" is not a whole number up to 2^53");
  }
}
