package org.agentmon.daemon;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agentmon.protocol.Caller;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.Messages;
import org.agentmon.protocol.Methods;
import org.agentmon.protocol.Status;

/**
 * The status as bytes on the wire, encoded once per caller class (administrator or not) and reused
 * until the status changes; a change is seen by {@link HelperState#version()}, without comparing
 * snapshots (a record {@code equals} cost the helper's thread more than the rest of an answer).
 * The only part that differs between callers of one class, their own {@code caller} object, is
 * encoded once per connection ({@link Connection#callerJson()}) and put between the shared parts, so
 * answering {@code status} or telling a thousand subscribers of a change does no JSON work per
 * connection. The bytes equal what {@link Messages} makes from {@link Status#toJson()} for that
 * caller ({@code StatusBytesTest}). Server thread only.
 */
final class StatusBytes {
  /** Stands in for the status (and the id) in an envelope encoded once and then cut around it. */
  private static final String BODY = "agentmon:status-body";
  private static final String ID = "agentmon:request-id";
  /** {@code status.changed}: what comes before and after the status. */
  private static final byte[][] CHANGED = cut(Messages.notification(Methods.STATUS_CHANGED, BODY), BODY);
  /** An answer: before the id, between the id and the status, after the status. */
  private static final byte[][] ANSWER = answerParts();

  private final HelperState state;
  /** The snapshot the cached parts were encoded from, and the state's version when it was taken. */
  private Status encoded;
  private long encodedVersion = -1;
  /** The encoded parts, [0] for callers who are not administrators, [1] for administrators. */
  private final Parts[] byClass = new Parts[2];
  /** How many times a status was encoded, for tests: the cache is the point of this class. */
  private int encodings;

  /** One caller class's status, encoded up to and after the caller's own object. */
  private record Parts(byte[] head, byte[] tail, boolean withCaller) {}

  StatusBytes(HelperState state) {
    this.state = state;
  }

  /** @return the {@code status.changed} line for {@code c}, as its caller sees the current status */
  byte[] changedLine(Connection c) {
    return join(CHANGED[0], null, null, c, CHANGED[1]);
  }

  /** @return the answer line to the {@code status} request {@code id} on {@code c} */
  byte[] answerLine(Object id, Connection c) {
    return join(ANSWER[0], idJson(id), ANSWER[1], c, ANSWER[2]);
  }

  /** The id as JSON; the usual whole-number ids without the codec. */
  private static byte[] idJson(Object id) {
    return id instanceof Integer || id instanceof Long ? id.toString().getBytes(StandardCharsets.US_ASCII)
        : Json.write(id);
  }

  private byte[] join(byte[] before, byte[] id, byte[] afterId, Connection c, byte[] after) {
    Parts p = parts(c.caller());
    byte[] caller = p.withCaller ? c.callerJson() : new byte[0];
    int idLen = id == null ? 0 : id.length + afterId.length;
    byte[] line = new byte[before.length + idLen + p.head.length + caller.length + p.tail.length + after.length];
    int at = put(line, 0, before);
    if (id != null) {
      at = put(line, put(line, at, id), afterId);
    }
    at = put(line, put(line, put(line, at, p.head), caller), p.tail);
    put(line, at, after);
    return line;
  }

  private Parts parts(Caller caller) {
    long version = state.version();
    if (version != encodedVersion) {
      // Taken after the version: a change in between makes the next call encode again, never too rarely.
      encoded = state.snapshot();
      encodedVersion = version;
      Arrays.fill(byClass, null);
    }
    int k = caller.admin() ? 1 : 0;
    if (byClass[k] == null) {
      byClass[k] = encode(encoded.forCaller(caller).toJson());
      encodings++;
    }
    return byClass[k];
  }

  int encodings() {
    return encodings;
  }

  /** Cuts the status object around its {@code caller} member, which each connection fills in. */
  private static Parts encode(Map<String, Object> status) {
    Map<String, Object> before = new LinkedHashMap<>();
    Map<String, Object> after = new LinkedHashMap<>();
    boolean seen = false;
    for (Map.Entry<String, Object> e : status.entrySet()) {
      if (!seen && "caller".equals(e.getKey())) {
        seen = true;
      } else {
        (seen ? after : before).put(e.getKey(), e.getValue());
      }
    }
    if (!seen) {
      return new Parts(Json.write(status), new byte[0], false);
    }
    byte[] b = members(before);
    byte[] a = members(after);
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    head.write('{');
    head.writeBytes(b);
    if (b.length > 0) {
      head.write(',');
    }
    head.writeBytes(Json.write("caller"));
    head.write(':');
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    if (a.length > 0) {
      tail.write(',');
      tail.writeBytes(a);
    }
    tail.write('}');
    return new Parts(head.toByteArray(), tail.toByteArray(), true);
  }

  /** @return the members of an object without its braces */
  private static byte[] members(Map<String, Object> m) {
    byte[] json = Json.write(m);
    return Arrays.copyOfRange(json, 1, json.length - 1);
  }

  private static byte[][] answerParts() {
    byte[][] byId = cut(Messages.result(ID, BODY), ID);
    byte[][] byBody = cut(byId[1], BODY);
    return new byte[][] {byId[0], byBody[0], byBody[1]};
  }

  /** @return the bytes before and after the one place {@code marker} was encoded */
  private static byte[][] cut(byte[] line, String marker) {
    byte[] m = Json.write(marker);
    for (int i = 0; i + m.length <= line.length; i++) {
      if (Arrays.equals(line, i, i + m.length, m, 0, m.length)) {
        return new byte[][] {Arrays.copyOfRange(line, 0, i), Arrays.copyOfRange(line, i + m.length, line.length)};
      }
    }
    throw new IllegalStateException("no " + marker + " in " + new String(line, StandardCharsets.UTF_8));
  }

  private static int put(byte[] dst, int at, byte[] src) {
    System.arraycopy(src, 0, dst, at, src.length);
    return at + src.length;
  }
}
