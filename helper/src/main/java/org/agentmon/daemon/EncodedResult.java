package org.agentmon.daemon;

/**
 * A handler's result that is already bytes on the wire ({@link StatusBytes}): {@link Requests} sends
 * its line instead of encoding a result object.
 */
interface EncodedResult {
  /** @return the whole answer line, {@code \n} included, to the request {@code id} */
  byte[] line(Object id);
}
