package org.agentmon.client;

import org.agentmon.protocol.ErrorCodes;

/** The helper refused a call because the caller is not an administrator (-32001). */
public final class PermissionDeniedException extends HelperException {
  private static final long serialVersionUID = 1L;

  PermissionDeniedException(String message) {
    super(ErrorCodes.PERMISSION_DENIED, message);
  }
}
