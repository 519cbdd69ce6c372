package org.agentmon.usrtask.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.protocol.Status;
import org.agentmon.protocol.Upstream;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.present.Words;

/** The technical fields support asks for, from one snapshot: a pure function. */
final class Details {
  static final String NONE = "—";

  private Details() {}

  static List<Detail> of(LinkSnapshot s, Instant now) {
    Status st = s.status();
    boolean live = s.connected() && st != null;
    List<Detail> d = new ArrayList<>();
    d.add(new Detail("Helper", "state", live ? java.util.Objects.toString(st.state(), "unknown") : s.state().name().toLowerCase().replace('_', ' ')));
    // (the raw state names stay: support matches them with `agentmon status`)
    d.add(new Detail("Version", "version", st == null ? NONE
        : st.version() + (st.buildId() == null ? "" : " (build " + st.buildId() + ")")));
    d.add(new Detail("Process id", "pid", live ? Long.toString(st.pid()) : NONE));
    d.add(new Detail("Instance", "instanceId", live ? st.instanceId() : NONE));
    d.add(new Detail("Running for", "uptime", live ? uptime(st.startedAt(), now) : NONE));
    d.add(new Detail("Socket", "socketSource", st == null ? NONE
        : st.socketSource() + supervision(st.supervisor())));
    d.add(new Detail("Apps connected", "clients", live ? Integer.toString(st.clients()) : NONE));
    d.add(new Detail("Last exit", "lastExit", st == null || st.lastExit() == null ? NONE : st.lastExit()));
    Upstream u = st == null ? null : st.upstream();
    d.add(new Detail("Server", "upstream", u == null ? NONE
        : serverState(u.state()) + (u.serverURL() == null ? "" : " — " + u.serverURL())));
    d.add(new Detail("Server error", "upstreamError", u == null || u.lastError() == null ? NONE : u.lastError()));
    d.add(new Detail("Waiting to send", "spool", u == null ? NONE
        : Words.count(u.spoolDepth(), "event")
            + (u.droppedEvents() == 0 ? "" : ", " + u.droppedEvents() + " dropped")));
    if (s.mismatch() != null) {
      d.add(new Detail("Versions", "mismatch", s.mismatch()));
    }
    return d;
  }

  /** @return ", supervised by launchd", ", not supervised" (a helper started by hand), or nothing when unknown */
  private static String supervision(String supervisor) {
    if (supervisor == null) {
      return "";
    }
    return Status.UNSUPERVISED.equals(supervisor) ? ", not supervised" : ", supervised by " + supervisor;
  }

  private static String serverState(Upstream.State state) {
    if (state == null) {
      return "unknown"; // a newer helper's word
    }
    return switch (state) {
      case CONNECTED -> "Connected";
      case CONNECTING -> "Connecting";
      case BACKING_OFF -> "Retrying";
      case UNAUTHORIZED -> "Refused this computer";
      case CONFIG_ERROR -> "Settings refused";
      case NOT_CONFIGURED -> "Not configured";
    };
  }

  private static String uptime(String startedAt, Instant now) {
    try {
      return startedAt == null ? NONE : Durations.uptime(Duration.between(Instant.parse(startedAt), now));
    } catch (DateTimeParseException e) {
      return NONE;
    }
  }
}
