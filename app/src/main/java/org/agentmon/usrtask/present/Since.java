package org.agentmon.usrtask.present;

import java.time.Instant;
import java.util.Objects;
import org.agentmon.protocol.Status;
import org.agentmon.usrtask.live.LinkSnapshot;

/**
 * Remembers when the helper's situation last changed (a crash, a stop), for "since 10:42". The
 * first situation seen has no known start: a helper already stopped when the app started says
 * "Stopped by an administrator" without a time rather than a wrong one.
 */
public final class Since {
  private String key;
  private boolean seen;
  private Instant since;

  /**
   * @param s the new snapshot
   * @param now the current time
   * @return when its situation began, or null when unknown
   */
  public Instant update(LinkSnapshot s, Instant now) {
    if (s.state() == org.agentmon.usrtask.live.LinkState.CONNECTING) {
      return since; // not a situation of the helper's yet
    }
    Status st = s.status();
    String k = s.state() + "/" + (st == null ? "" : st.state());
    if (!seen) {
      seen = true;
      key = k;
      return since;
    }
    if (!Objects.equals(k, key)) {
      key = k;
      since = now;
    }
    return since;
  }
}
