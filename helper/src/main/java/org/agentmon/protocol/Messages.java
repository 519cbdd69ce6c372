package org.agentmon.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the JSON-RPC 2.0 envelopes, each as the bytes of one line including its {@code \n}. */
public final class Messages {
  private Messages() {}

  /**
   * A request.
   *
   * @param id the request id
   * @param method the method name
   * @param params the params object, or null
   * @return the line
   */
  public static byte[] request(long id, String method, Map<String, ?> params) {
    if (params == null) {
      return RequestLines.write(id, method); // the common shape, without the codec
    }
    Map<String, Object> m = envelope();
    m.put("id", id);
    m.put("method", method);
    if (params != null) {
      m.put("params", params);
    }
    return Json.line(m);
  }

  /**
   * A successful response.
   *
   * @param id the id of the request answered
   * @param result the result
   * @return the line
   */
  public static byte[] result(Object id, Object result) {
    return line("id", id, "result", result);
  }

  /**
   * An error response.
   *
   * @param id the id of the request answered, or null when it could not be read
   * @param code one of {@link ErrorCodes}
   * @param message one line that says what went wrong
   * @return the line
   */
  public static byte[] error(Object id, int code, String message) {
    return line("id", id, "error", members("code", code, "message", message));
  }

  /**
   * A notification (no id, no answer expected).
   *
   * @param method the notification name
   * @param params its params
   * @return the line
   */
  public static byte[] notification(String method, Object params) {
    return line("method", method, "params", params);
  }

  /** @return the envelope: {@code "jsonrpc": "2.0"}, then the members in order (a null value is kept) */
  private static byte[] line(Object... namesAndValues) {
    Map<String, Object> m = envelope();
    m.putAll(members(namesAndValues));
    return Json.line(m);
  }

  private static Map<String, Object> envelope() {
    return members("jsonrpc", "2.0");
  }

  private static Map<String, Object> members(Object... namesAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }
}
