package org.agentmon.protocol;

/** A line that is not valid JSON; its message says where and why, in one line. */
public final class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  JsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
