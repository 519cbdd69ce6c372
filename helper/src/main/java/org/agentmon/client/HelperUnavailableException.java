package org.agentmon.client;

import java.io.IOException;

/** Nothing answers on the helper's socket (not in time, or not at all), or the connection to it was lost. */
public class HelperUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  HelperUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
