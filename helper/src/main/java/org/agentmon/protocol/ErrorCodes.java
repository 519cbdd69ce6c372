package org.agentmon.protocol;

/** JSON-RPC error codes used by the helper. */
public final class ErrorCodes {
  /** The line is not valid JSON (or not valid UTF-8). */
  public static final int PARSE_ERROR = -32700;
  /** Valid JSON but not a JSON-RPC request; also a line over the size limit, or a batch. */
  public static final int INVALID_REQUEST = -32600;
  /** No such method. */
  public static final int METHOD_NOT_FOUND = -32601;
  /** The params do not fit the method. */
  public static final int INVALID_PARAMS = -32602;
  /** Something went wrong inside the helper; the connection stays usable. */
  public static final int INTERNAL_ERROR = -32603;
  /** The caller is not an administrator. */
  public static final int PERMISSION_DENIED = -32001;
  /** The helper is busy, shutting down or at its connection limit. */
  public static final int BUSY = -32002;
  /** The peer speaks an incompatible major protocol version. */
  public static final int INCOMPATIBLE_VERSION = -32003;
  /** The helper could not persist a change, so it did not make it. */
  public static final int NOT_PERSISTED = -32004;

  private ErrorCodes() {}
}
