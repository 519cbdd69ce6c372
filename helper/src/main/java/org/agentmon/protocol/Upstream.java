package org.agentmon.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The helper's link to its upstream server, as {@code status.upstream} reports it.
 *
 * @param state {@code not-configured}, {@code connecting}, {@code connected}, {@code backing-off},
 *     {@code unauthorized} or {@code config-error}
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
public record Upstream(String state, String serverURL, String lastSuccess, String lastError, String nextAttempt,
    long spoolDepth, long droppedEvents, String downSince, List<String> warnings) {

  /** Copies the warnings; null means none. */
  public Upstream {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** A link state without warnings. */
  public Upstream(String state, String serverURL, String lastSuccess, String lastError, String nextAttempt,
      long spoolDepth, long droppedEvents, String downSince) {
    this(state, serverURL, lastSuccess, lastError, nextAttempt, spoolDepth, droppedEvents, downSince, List.of());
  }

  /** State names on the wire. */
  public static final String NOT_CONFIGURED = "not-configured";
  /** @see #NOT_CONFIGURED */
  public static final String CONNECTING = "connecting";
  /** @see #NOT_CONFIGURED */
  public static final String CONNECTED = "connected";
  /** @see #NOT_CONFIGURED */
  public static final String BACKING_OFF = "backing-off";
  /** @see #NOT_CONFIGURED */
  public static final String UNAUTHORIZED = "unauthorized";
  /** @see #NOT_CONFIGURED */
  public static final String CONFIG_ERROR = "config-error";

  /** @return this link state as a JSON object (null fields are left out) */
  public Map<String, Object> toJson() {
    return Members.nonNull("state", state, "serverURL", serverURL, "lastSuccess", lastSuccess,
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
    return new Upstream(Fields.str(m, "state"), Fields.str(m, "serverURL"), Fields.str(m, "lastSuccess"),
        Fields.str(m, "lastError"), Fields.str(m, "nextAttempt"), Fields.lng(m, "spoolDepth", 0),
        Fields.lng(m, "droppedEvents", 0), Fields.str(m, "downSince"), strings(m.get("warnings")));
  }

  private static List<String> strings(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List) {
      for (Object o : (List<?>) v) {
        if (o instanceof String) {
          out.add((String) o);
        }
      }
    }
    return out;
  }
}
