package org.agentmon.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The helper's link to its upstream server, as {@code status.upstream} reports it.
 *
 * @param state how the link stands; null when a newer helper sent a word this client does not know
 * @param serverURL the configured server, or null
 * @param lastSuccess when the server last accepted a request, ISO-8601 UTC, or null
 * @param lastError the last failure (or why the configuration was refused), or null
 * @param nextAttempt when the link tries again after a failure, ISO-8601 UTC, or null
 * @param spoolDepth events recorded but not yet accepted by the server
 * @param droppedEvents events dropped because the event log was full, since the event log was created
 * @param downSince since when the link has been failing (null while it works), ISO-8601 UTC
 * @param warnings problems that do not stop the link, e.g. a token others can read (sent only when
 *     there are some; a helper that predates them gives none); never null
 */
public record Upstream(State state, String serverURL, String lastSuccess, String lastError, String nextAttempt,
    long spoolDepth, long droppedEvents, String downSince, List<String> warnings) {

  /** Copies the warnings; null means none. */
  public Upstream {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** A link state without warnings. */
  public Upstream(State state, String serverURL, String lastSuccess, String lastError, String nextAttempt,
      long spoolDepth, long droppedEvents, String downSince) {
    this(state, serverURL, lastSuccess, lastError, nextAttempt, spoolDepth, droppedEvents, downSince, List.of());
  }

  /**
   * How the helper's link to the upstream server stands: the one list of these states, in code and
   * on the wire (the words stay as older clients know them).
   */
  public enum State implements WireWord {
    /** No server is configured: nothing is reported. */
    NOT_CONFIGURED,
    /** Trying the server for the first time since the helper started or the settings changed. */
    CONNECTING,
    /** The server accepted the last request. */
    CONNECTED,
    /** The last request failed; the helper tries again at {@code nextAttempt}. */
    BACKING_OFF,
    /** The server refused this computer's credentials. */
    UNAUTHORIZED,
    /** The settings file was refused; {@code lastError} says why. */
    CONFIG_ERROR;

    /**
     * Reads a state from its word on the wire.
     *
     * @param word the word, or null
     * @return the state, or null when the word is missing or unknown (a newer helper's)
     */
    public static State fromWire(String word) {
      return WireWord.fromWire(State.class, word);
    }

    /** @return the word on the wire, so that text built from a state reads as before */
    @Override
    public String toString() {
      return wire();
    }
  }

  /** @return this link state as a JSON object (null fields are left out) */
  public Map<String, Object> toJson() {
    return Members.nonNull("state", state == null ? null : state.wire(), "serverURL", serverURL, "lastSuccess", lastSuccess,
        "lastError", lastError, "nextAttempt", nextAttempt, "spoolDepth", spoolDepth,
        "droppedEvents", droppedEvents, "downSince", downSince, "warnings", warnings.isEmpty() ? null : warnings);
  }

  /**
   * Reads a link state from its JSON object; unknown fields are ignored, missing ones get defaults.
   *
   * @param m the object, or null
   * @return the link state, or null when {@code m} is null or empty
   */
  public static Upstream fromJson(Map<?, ?> m) {
    if (m == null || m.isEmpty()) {
      return null;
    }
    return new Upstream(State.fromWire(Fields.str(m, "state")), Fields.str(m, "serverURL"), Fields.str(m, "lastSuccess"),
        Fields.str(m, "lastError"), Fields.str(m, "nextAttempt"), Fields.lng(m, "spoolDepth", 0),
        Fields.lng(m, "droppedEvents", 0), Fields.str(m, "downSince"), strings(m.get("warnings")));
  }

  /** @return the strings in a JSON array, or null (none) when it is not one */
  private static List<String> strings(Object v) {
    if (!(v instanceof List)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      if (o instanceof String) {
        out.add((String) o);
      }
    }
    return out;
  }
}
