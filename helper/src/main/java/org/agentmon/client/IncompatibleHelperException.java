package org.agentmon.client;

import org.agentmon.protocol.ErrorCodes;

/** The helper speaks another major protocol version than this client. */
public final class IncompatibleHelperException extends HelperException {
  private static final long serialVersionUID = 1L;

  IncompatibleHelperException(String message) {
    super(ErrorCodes.INCOMPATIBLE_VERSION, message);
  }
}
