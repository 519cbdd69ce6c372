package org.agentmon.upstream;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.agentmon.protocol.Upstream;

/**
 * The upstream server's state as {@code status.upstream} (the {@link Upstream} record) shows it:
 * what the {@link UpstreamClient} last did, plus the event log's counters. Every change goes to the listener (the daemon turns it into {@code status.changed}).
 * The URL and every error pass through {@link Redaction} on their way in. Guarded by {@code this}.
 */
public final class UpstreamState {
  private final EventLog eventLog;
  private final String serverURL;
  private final Consumer<Upstream> listener;
  private final List<String> warnings;
  private Upstream.State state;
  private String lastSuccess;
  private String lastError;
  private String nextAttempt;
  private String downSince;

  /**
   * @param initial the initial state
   * @param serverURL the configured server, or null
   * @param eventLog the event log whose counters are shown, or null when there is none
   * @param listener gets every new state
   * @param warnings the configuration's warnings, shown for the helper's whole run
   */
  public UpstreamState(Upstream.State initial, String serverURL, EventLog eventLog, Consumer<Upstream> listener,
      List<String> warnings) {
    this.state = initial;
    this.serverURL = Redaction.url(serverURL);
    this.eventLog = eventLog;
    this.listener = listener;
    this.warnings = List.copyOf(warnings);
  }

  /** @return the current state */
  public synchronized Upstream snapshot() {
    return new Upstream(state, serverURL, lastSuccess, lastError, nextAttempt, eventLog == null ? 0 : eventLog.depth(),
        eventLog == null ? 0 : eventLog.dropped(), downSince, warnings);
  }

  /**
   * Sets the state and the last error, e.g. for a refused configuration.
   *
   * @param newState the state
   * @param error the error, or null
   */
  public void set(Upstream.State newState, String error) {
    synchronized (this) {
      state = newState;
      lastError = Redaction.text(error);
    }
    publish();
  }

  void succeeded() {
    synchronized (this) {
      state = Upstream.State.CONNECTED;
      lastSuccess = now(0);
      nextAttempt = null;
      downSince = null;
    }
    publish();
  }

  void failed(Upstream.State newState, String error, long retryInMillis) {
    synchronized (this) {
      state = newState;
      lastError = Redaction.text(error);
      nextAttempt = now(retryInMillis);
      if (downSince == null) {
        downSince = now(0);
      }
    }
    publish();
  }

  synchronized Upstream.State state() {
    return state;
  }

  /** Sends the current state to the listener (after an event log change, too). */
  public void publish() {
    listener.accept(snapshot());
  }

  private static String now(long plusMillis) {
    return Instant.now().plusMillis(plusMillis).truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
