package org.agentmon.protocol;

/** A request the helper answers with a JSON-RPC error instead of a result. */
public final class RpcException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final transient Object id;

  /**
   * Creates the error.
   *
   * @param code one of {@link ErrorCodes}
   * @param message one line that says what went wrong
   * @param id the id of the request, or null when it could not be read
   */
  public RpcException(int code, String message, Object id) {
    super(message);
    this.code = code;
    this.id = id;
  }

  /** @return the JSON-RPC error code */
  public int code() {
    return code;
  }

  /** @return the id of the request, or null */
  public Object id() {
    return id;
  }

  /** @return the error response line */
  public byte[] toLine() {
    return Messages.error(id, code, getMessage());
  }
}
