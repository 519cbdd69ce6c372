package org.agentmon.client;

import java.io.IOException;

/** The helper answered a call with a JSON-RPC error. */
public class HelperException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int code;

  /**
   * Creates the exception.
   *
   * @param code the JSON-RPC error code
   * @param message the helper's message
   */
  public HelperException(int code, String message) {
    super(message);
    this.code = code;
  }

  /** @return the JSON-RPC error code, see {@link org.agentmon.protocol.ErrorCodes} */
  public int code() {
    return code;
  }
}
