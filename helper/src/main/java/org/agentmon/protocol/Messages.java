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
    Map<String, Object> m = envelope();
    m.put("id", id);
    m.put("result", result);
    return Json.line(m);
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
    Map<String, Object> err = new LinkedHashMap<>();
    err.put("code", code);
    err.put("message", message);
    Map<String, Object> m = envelope();
    m.put("id", id);
    m.put("error", err);
    return Json.line(m);
  }

  /**
   * A notification (no id, no answer expected).
   *
   * @param method the notification name
   * @param params its params
   * @return the line
   */
  public static byte[] notification(String method, Object params) {
    Map<String, Object> m = envelope();
    m.put("method", method);
    m.put("params", params);
    return Json.line(m);
  }

  private static Map<String, Object> envelope() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jsonrpc", "2.0");
    return m;
  }
}
