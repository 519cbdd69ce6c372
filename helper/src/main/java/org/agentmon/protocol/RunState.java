package org.agentmon.protocol;

/**
 * What the helper is doing, as {@code status} reports it: the one list of states, in code and on
 * the wire. A client that meets a word it does not know (from a newer helper) gets null from {@link
 * #fromWire}. There is no "starting": the helper answers only once it is up, and clients that
 * connect earlier wait in the socket's queue.
 */
public enum RunState {
  /** Enabled and serving. */
  RUNNING("running"),
  /** An administrator stopped it: it answers, runs nothing else, and stays off until {@code start}. */
  DISABLED("disabled"),
  /** Asked to stop or restart: this process is about to exit. */
  STOPPING("stopping"),
  /** Came up after a crash loop or with an unusable state directory: only the control API runs. */
  SAFE_MODE("safe-mode");

  private final String wire;

  RunState(String wire) {
    this.wire = wire;
  }

  /** @return the word on the wire, e.g. {@code safe-mode} */
  public String wire() {
    return wire;
  }

  /**
   * Reads a state from its word on the wire.
   *
   * @param word the word, or null
   * @return the state, or null when the word is missing or unknown
   */
  public static RunState fromWire(String word) {
    for (RunState s : values()) {
      if (s.wire.equals(word)) {
        return s;
      }
    }
    return null;
  }

  /** @return the word on the wire, so that text built from a state reads as before */
  @Override
  public String toString() {
    return wire;
  }
}
