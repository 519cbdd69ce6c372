package org.agentmon.usrtask.present;

import java.time.Duration;
import java.time.Instant;
import org.agentmon.icons.TrayState;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.agentmon.protocol.Upstream;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.live.LinkState;

/**
 * The one function from a {@link Situation} to what people see: no I/O, no clock of its own,
 * tested as a table. Words only here and in {@link Words}.
 */
public final class Presenter {
  /** A server unreachable for longer than this needs attention. */
  public static final Duration UPSTREAM_ATTENTION = Duration.ofMinutes(5);

  private Presenter() {}

  /**
   * @param s the situation
   * @return what to show for it
   */
  public static Presentation present(Situation s) {
    LinkSnapshot link = s.link();
    Status st = link.status();
    boolean live = link.connected() && st != null;
    boolean admin = st == null || st.caller() == null || st.caller().admin();
    RunState state = live ? st.state() : null;
    boolean stopping = state == RunState.STOPPING;
    // Off means "Start fits". A helper that is coming back (restart, respawn, first connect) is not off:
    // during a restart the Stop button must not turn into Start.
    boolean comingBack = link.state() == LinkState.RESTARTING || link.state() == LinkState.CONNECTING
        || s.pending() == Pending.RESTART;
    boolean off = live ? state == RunState.DISABLED || stopping : !comingBack;
    boolean busy = s.pending() != Pending.NONE || link.state() == LinkState.RESTARTING
        || link.state() == LinkState.CONNECTING;
    Head head = s.pending() != Pending.NONE ? pending(s) : head(s);
    boolean canRestart = admin && live && !busy && !off;
    boolean canStopOrStart = admin && !busy && !stopping && (live || (off && s.canLaunchHelper()));
    Action primary = head.primary == Action.START && !live && !s.canLaunchHelper() ? null : head.primary;
    String adminOnly = admin ? null : Words.adminOnly(primary, s.supportContact());
    return new Presentation(head.sentence, head.secondary, head.icon, primary, canRestart, canStopOrStart, off,
        adminOnly, step(s));
  }

  /**
   * When time alone will change what the tray shows for this situation: the sentence and icon say
   * clock times ("since 11:09"), never "for 3 minutes", so the only such moment is a server that has
   * been unreachable long enough to need attention. A hidden app sleeps until then, not in ticks.
   *
   * @param s the situation
   * @return that moment, or null when only an event can change the presentation
   */
  public static Instant changesAt(Situation s) {
    Status st = s.link().status();
    Upstream u = st == null || !s.link().connected() ? null : st.upstream();
    if (s.pending() != Pending.NONE || u == null || !Upstream.State.BACKING_OFF.equals(u.state())) {
      return null;
    }
    Instant down = Words.parse(u.downSince());
    Instant attention = down == null ? null : down.plus(UPSTREAM_ATTENTION).plusMillis(1);
    if (attention == null || !attention.isAfter(s.now())) {
      return null;
    }
    Situation then = new Situation(s.link(), s.installed(), s.canLaunchHelper(), s.pending(), s.since(),
        s.supportContact(), attention, s.zone());
    return present(then).equals(present(s)) ? null : attention;
  }

  /** The header's parts before the actions are decided. */
  private record Head(String sentence, String secondary, TrayState icon, Action primary) {}

  /** What this user's action does, in the sentence; its step is said once, beside the buttons. */
  private static Head pending(Situation s) {
    return switch (s.pending()) {
      case RESTART -> new Head("Restarting…", "", TrayState.WORKING, null);
      case STOP -> new Head("Stopping…", "", TrayState.WORKING, null);
      default -> new Head("Starting…", "", TrayState.WORKING, null);
    };
  }

  /** The step the action this user asked for has reached, or "" when none runs. */
  private static String step(Situation s) {
    boolean connected = s.link().connected();
    return switch (s.pending()) {
      case NONE -> "";
      case RESTART -> connected ? "Asking AgentMon to restart" : "Waiting for the new instance";
      case STOP -> connected ? "Asking AgentMon to stop" : "Waiting for AgentMon to stop";
      case START -> connected ? "Asking AgentMon to start" : "Starting AgentMon";
    };
  }

  private static Head head(Situation s) {
    LinkSnapshot link = s.link();
    Status st = link.status();
    return switch (link.state()) {
      case CONNECTING -> new Head("Looking for AgentMon…", "", TrayState.WORKING, null);
      case RESTARTING -> new Head("Restarting…", "Waiting for the new instance", TrayState.WORKING, null);
      case INCOMPATIBLE -> new Head("This app doesn't match the installed AgentMon",
          "Update or reinstall AgentMon so that both parts are the same version", TrayState.DEGRADED, null);
      case NOT_RUNNING -> notRunning(s, st);
      case CONNECTED -> st == null ? new Head("Looking for AgentMon…", "", TrayState.WORKING, null) : connected(s, st);
    };
  }

  private static Head notRunning(Situation s, Status last) {
    RunState lastState = last == null ? null : last.state();
    if (lastState == RunState.DISABLED || lastState == RunState.STOPPING) {
      return stopped(s);
    }
    if (last == null && !s.installed()) {
      return new Head("AgentMon isn't installed on this computer",
          "Install AgentMon, or ask " + Words.contact(s.supportContact()) + "; the command agentmon doctor shows what is missing",
          TrayState.NOT_INSTALLED, Action.START);
    }
    if (last == null) {
      return new Head("AgentMon isn't running", "It is usually started again within seconds",
          TrayState.UNREACHABLE, Action.START);
    }
    return new Head("AgentMon isn't running — it stopped unexpectedly" + Words.at(s.since(), s.zone()),
        "It is usually started again within seconds", TrayState.UNREACHABLE, Action.START);
  }

  private static Head stopped(Situation s) {
    return new Head("Stopped by an administrator" + Words.at(s.since(), s.zone()),
        "AgentMon stays off until it is started again", TrayState.STOPPED, Action.START);
  }

  private static Head connected(Situation s, Status st) {
    if (st.state() == null) {
      return running(s, st); // a state from a newer helper: it answers, so it runs
    }
    return switch (st.state()) {
      case DISABLED -> stopped(s);
      case STOPPING -> new Head("Stopping…", "AgentMon is turning itself off", TrayState.WORKING, null);
      case SAFE_MODE -> safeMode(st);
      case RUNNING -> running(s, st);
    };
  }

  private static Head safeMode(Status st) {
    boolean crashes = st.reason() == null || st.reason().startsWith("crash loop");
    return new Head(crashes ? "Safe mode: AgentMon stopped after repeated crashes"
        : "Safe mode: AgentMon can't keep its records",
        crashes ? "Restart AgentMon to try again" : "An administrator must fix the state folder, then restart AgentMon",
        TrayState.DEGRADED, Action.RESTART);
  }

  private static Head running(Situation s, Status st) {
    Upstream u = st.upstream();
    if (u != null && Upstream.State.CONFIG_ERROR.equals(u.state())) {
      // The file and the helper's exact reason are in Details and Copy diagnostics; here, whom to ask.
      return new Head(Words.configRefused(u.lastError()),
          "An administrator needs to fix the settings file — ask " + Words.contact(s.supportContact()),
          TrayState.DEGRADED, null);
    }
    if (st.problem() != null) {
      return new Head("AgentMon is running but needs attention", st.problem(), TrayState.DEGRADED, null);
    }
    if (s.link().mismatch() != null) {
      return new Head("AgentMon is running · This app is a different version",
          "Relaunch this app after the update has finished", TrayState.DEGRADED, null);
    }
    if (u == null) {
      return new Head("AgentMon is running", "", TrayState.RUNNING, null);
    }
    String host = Words.host(u.serverURL());
    if (u.state() == null) {
      return new Head("AgentMon is running", "", TrayState.RUNNING, null); // a newer helper's word
    }
    return switch (u.state()) {
      case CONNECTED -> new Head("AgentMon is running · Connected to " + host,
          u.lastSuccess() == null ? "" : "Last report" + Words.at(Words.parse(u.lastSuccess()), s.zone()),
          TrayState.RUNNING, null);
      case CONNECTING -> new Head("AgentMon is running · Connecting to " + host + "…", "", TrayState.RUNNING,
          null);
      case BACKING_OFF -> unreachable(s, u, host);
      case UNAUTHORIZED -> new Head("AgentMon is running · " + host + " refused this computer",
          "Ask " + Words.contact(s.supportContact()) + " to check this computer's enrolment", TrayState.DEGRADED,
          null);
      case NOT_CONFIGURED -> new Head("AgentMon is running · No server configured",
          "It protects this computer; nothing is reported to a server", TrayState.RUNNING, null);
      default -> new Head("AgentMon is running", "", TrayState.RUNNING, null);
    };
  }

  private static Head unreachable(Situation s, Upstream u, String host) {
    Instant down = Words.parse(u.downSince());
    boolean longDown = down != null && Duration.between(down, s.now()).compareTo(UPSTREAM_ATTENTION) > 0;
    String since = down == null ? "" : " since " + Words.clock(down, s.zone());
    String next = u.nextAttempt() == null ? "" : "Next try" + Words.at(Words.parse(u.nextAttempt()), s.zone());
    String kept = u.spoolDepth() == 0 ? "" : Words.count(u.spoolDepth(), "event") + " will be sent when it is back";
    String secondary = next.isEmpty() ? kept : kept.isEmpty() ? next : next + " · " + kept;
    return new Head("AgentMon is running · Can't reach " + host + since + " — retrying", secondary,
        longDown ? TrayState.DEGRADED : TrayState.RUNNING, null);
  }
}
