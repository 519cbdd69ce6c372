package org.agentmon.protocol;

/**
 * What the helper is doing, as {@code status} reports it: the one list of states, in code and on
 * the wire. A client that meets a word it does not know (from a newer helper) gets null from {@link
 * #fromWire}. There is no "starting": the helper answers only once it is up, and clients that
 * connect earlier wait in the socket's queue.
 */
public enum RunState implements WireWord {
  /** Enabled and serving. */
  RUNNING,
  /** An administrator stopped it: it answers, runs nothing else, and stays off until {@code start}. */
  DISABLED,
  /** Asked to stop or restart: this process is about to exit. */
  STOPPING,
  /** Came up after a crash loop or with an unusable state directory: only the control API runs. */
  SAFE_MODE;

  /**
   * Reads a state from its word on the wire.
   *
   * @param word the word, or null
   * @return the state, or null when the word is missing or unknown (a newer helper's)
   */
  public static RunState fromWire(String word) {
    return WireWord.fromWire(RunState.class, word);
  }

  /** @return the word on the wire, so that text built from a state reads as before */
  @Override
  public String toString() {
    return wire();
  }
}
