package org.agentmon.daemon;

import java.util.HashMap;
import java.util.Map;
import org.agentmon.protocol.Caller;

/**
 * Which connections the server takes: at most {@link Limits#maxConnections} in all, of which ordinary
 * users together may hold all but {@link Limits#adminReserve} and each ordinary uid at most {@link
 * Limits#maxConnectionsPerUser}. So one user holding connections (subscribed or not) can neither
 * lock out other users nor root and administrators. Server thread only.
 */
final class Admission {
  /** Why a connection was refused: the error for the client and a short name for the log. */
  record Refusal(String message, String limit) { }

  private final Limits limits;
  /** Open connections of ordinary callers by uid; an entry goes when its count reaches zero. */
  private final Map<Long, Integer> ordinaryByUid = new HashMap<>();
  private int ordinary;
  private int total;

  Admission(Limits limits) {
    this.limits = limits;
  }

  /** @return null if {@code who} may connect now (then call {@link #opened}), else why not */
  Refusal check(Caller who) {
    if (total >= limits.maxConnections()) {
      return new Refusal("too many connections (" + limits.maxConnections() + "): the total limit "
          + "(--max-connections) is reached; the helper refuses this one; try again later", "total limit");
    }
    if (who.admin()) {
      return null;
    }
    int perUser = limits.maxConnectionsPerUser();
    if (ordinaryByUid.getOrDefault(who.uid(), 0) >= perUser) {
      return new Refusal("too many connections from uid " + who.uid() + " (" + perUser + "): the per-user limit "
          + "(--max-connections-per-user) is reached; close one of them and try again", "per-user limit");
    }
    int forOrdinary = limits.maxConnections() - limits.adminReserve();
    if (ordinary >= forOrdinary) {
      return new Refusal("too many connections (" + forOrdinary + " of " + limits.maxConnections()
          + " are open to users who are not administrators, the rest are kept for administrators): "
          + "try again later", "limit for ordinary users");
    }
    return null;
  }

  /** Counts a connection that was let in. */
  void opened(Caller who) {
    total++;
    if (!who.admin()) {
      ordinary++;
      ordinaryByUid.merge(who.uid(), 1, Integer::sum);
    }
  }

  /** Counts a connection that ended. */
  void closed(Caller who) {
    total--;
    if (!who.admin()) {
      ordinary--;
      ordinaryByUid.computeIfPresent(who.uid(), (uid, n) -> n > 1 ? n - 1 : null);
    }
  }
}
