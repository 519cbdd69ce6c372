package org.agentmon.protocol;

import java.util.List;
import java.util.Map;

/**
 * One JSON-RPC request as read from a line.
 *
 * @param id the id (a string, a number or null); absent for a notification
 * @param hasId whether the request carried an id (false for a notification)
 * @param method the method name
 * @param params the params object, empty when absent
 */
public record Request(Object id, boolean hasId, String method, Map<?, ?> params) {

  /**
   * Reads a request from one line.
   *
   * @param line the bytes of the line, without its terminator
   * @return the request
   * @throws RpcException with -32700 for bad JSON, -32600 for anything that is not a request
   */
  public static Request parse(byte[] line) throws RpcException {
    Request common = RequestLines.recognise(line);
    if (common != null) {
      return common; // the usual shape, read without the codec
    }
    return parseWithCodec(line);
  }

  /** {@link #parse} for any line, with the JSON codec; the reference for {@link RequestLines}. */
  static Request parseWithCodec(byte[] line) throws RpcException {
    Object value;
    try {
      value = Json.parse(line);
    } catch (JsonException e) {
      throw new RpcException(ErrorCodes.PARSE_ERROR, "parse error: " + e.getMessage(), null);
    }
    if (value instanceof List) {
      throw new RpcException(ErrorCodes.INVALID_REQUEST, "batches are not supported: send one request per line", null);
    }
    if (!(value instanceof Map)) {
      throw new RpcException(ErrorCodes.INVALID_REQUEST, "a request must be a JSON object", null);
    }
    Map<?, ?> m = (Map<?, ?>) value;
    boolean hasId = m.containsKey("id");
    Object id = m.get("id");
    if (hasId && id != null && !(id instanceof String) && !(id instanceof Number)) {
      throw new RpcException(ErrorCodes.INVALID_REQUEST, "\"id\" must be a string, a number or null", null);
    }
    if (!"2.0".equals(m.get("jsonrpc"))) {
      throw new RpcException(ErrorCodes.INVALID_REQUEST, "\"jsonrpc\" must be \"2.0\"", id);
    }
    Object method = m.get("method");
    if (!(method instanceof String) || ((String) method).isEmpty()) {
      throw new RpcException(ErrorCodes.INVALID_REQUEST, "\"method\" must be a non-empty string", id);
    }
    Object params = m.get("params");
    if (params != null && !(params instanceof Map)) {
      throw new RpcException(ErrorCodes.INVALID_PARAMS, "\"params\" must be an object", id);
    }
    return new Request(id, hasId, (String) method, params == null ? Map.of() : (Map<?, ?>) params);
  }
}
