package org.agentmon.installer.install;

import java.io.IOException;

/** A step failed; the message names the command or path and carries its output. */
public final class InstallException extends IOException {
  private static final long serialVersionUID = 1L;

  InstallException(String message) {
    super(message);
  }

  InstallException(String message, Throwable cause) {
    super(message, cause);
  }
}
