package org.agentmon.upstream;

import java.util.List;
import java.util.Map;

/**
 * The oldest undelivered events, in order, as sent in one {@code /v1/events} request.
 *
 * @param events the events as the server sees them
 * @param throughSeq the event log sequence number of the last one; acknowledging it removes them all
 */
record Batch(List<Map<String, Object>> events, long throughSeq) {
  boolean isEmpty() {
    return events.isEmpty();
  }
}
