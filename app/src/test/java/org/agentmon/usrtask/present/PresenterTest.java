package org.agentmon.usrtask.present;

import static org.agentmon.usrtask.present.Statuses.connected;
import static org.agentmon.usrtask.present.Statuses.lost;
import static org.agentmon.usrtask.present.Statuses.readOnly;
import static org.agentmon.usrtask.present.Statuses.status;
import static org.agentmon.usrtask.present.Statuses.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.agentmon.icons.TrayState;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.live.LinkState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wording of every situation, as the issue asks for it: sentence, secondary line, icon,
 * primary action and which actions are enabled. Times are said in UTC here.
 */
class PresenterTest {
  static final Instant NOW = Instant.parse("2026-12-01T11:20:00Z");
  static final Instant AT_1040 = Instant.parse("2026-12-01T10:40:00Z");
  static final Instant AT_1042 = Instant.parse("2026-12-01T10:42:00Z");

  /** One row: the situation, then what must be shown. */
  record Row(String name, LinkSnapshot link, Pending pending, Instant since, boolean installed, String sentence,
      String secondary, TrayState icon, Action primary, String enabled, String adminOnly) {}

  static Stream<Arguments> table() {
    return Stream.of(
        row("running, connected", connected(upstream(status("running"), "connected", null, null)), Pending.NONE, null,
            "AgentMon is running · Connected to agentmon.example.com", "", TrayState.RUNNING, null, "restart stop", null),
        row("running, no server", connected(upstream(status("running"), "not-configured", null, null)), Pending.NONE,
            null, "AgentMon is running · No server configured",
            "It protects this computer; nothing is reported to a server", TrayState.RUNNING, null, "restart stop", null),
        row("server unreachable for 11 minutes",
            connected(upstream(status("running"), "backing-off", "2026-12-01T11:09:00Z", "connect timed out")),
            Pending.NONE, null, "AgentMon is running · Can't reach agentmon.example.com since 11:09 — retrying", "",
            TrayState.DEGRADED, null, "restart stop", null),
        row("server unreachable for 2 minutes: not yet attention",
            connected(upstream(status("running"), "backing-off", "2026-12-01T11:18:00Z", "refused")), Pending.NONE,
            null, "AgentMon is running · Can't reach agentmon.example.com since 11:18 — retrying", "",
            TrayState.RUNNING, null, "restart stop", null),
        row("config refused: never a green icon",
            connected(upstream(status("running"), "config-error", null,
                "/etc/agentmon/org.agentmon.helper.plist is writable by group or others (rw-rw-rw-)")),
            Pending.NONE, null, "Settings file is unsafe (writable by others) — AgentMon can't connect",
            "An administrator needs to fix the settings file — ask your IT department", TrayState.DEGRADED,
            null, "restart stop", null),
        row("server refused the credentials", connected(upstream(status("running"), "unauthorized", null, "401")),
            Pending.NONE, null, "AgentMon is running · agentmon.example.com refused this computer",
            "Ask your IT department to check this computer's enrolment", TrayState.DEGRADED, null, "restart stop", null),
        row("restart asked, old instance still answering", connected(status("running")), Pending.RESTART, null,
            "Restarting…", "", TrayState.WORKING, null, "", null), // the step is said beside the buttons
        row("restart asked, waiting for the new one", lost(LinkState.RESTARTING, status("running")), Pending.RESTART,
            null, "Restarting…", "", TrayState.WORKING, null, "", null),
        row("stopped by an administrator", lost(LinkState.NOT_RUNNING, status("disabled")), Pending.NONE, AT_1042,
            "Stopped by an administrator at 10:42", "AgentMon stays off until it is started again", TrayState.STOPPED,
            null, "", null), // nothing answers to start it: only a development app can launch one
        row("stopped, still answering", connected(status("disabled")), Pending.NONE, null,
            "Stopped by an administrator", "AgentMon stays off until it is started again", TrayState.STOPPED,
            Action.START, "start", null),
        row("crashed", lost(LinkState.NOT_RUNNING, status("running")), Pending.NONE, AT_1040,
            "AgentMon isn't running — it stopped unexpectedly at 10:40",
            "It is usually started again within seconds", TrayState.UNREACHABLE, null, "", null),
        row("safe mode", connected(withReason(status("safe-mode"), "crash loop: 5 starts within 60 s")), Pending.NONE,
            null, "Safe mode: AgentMon stopped after repeated crashes", "Restart AgentMon to try again", TrayState.DEGRADED,
            Action.RESTART, "restart stop", null),
        row("read-only user, running", connected(readOnly(upstream(status("running"), "connected", null, null))),
            Pending.NONE, null, "AgentMon is running · Connected to agentmon.example.com", "", TrayState.RUNNING, null,
            "", "Only an administrator can restart or stop AgentMon — ask your IT department"),
        row("read-only user, stopped", connected(readOnly(status("disabled"))), Pending.NONE, null,
            "Stopped by an administrator", "AgentMon stays off until it is started again", TrayState.STOPPED,
            Action.START, "", "Only an administrator can start AgentMon — ask your IT department"),
        new Row("not installed", lost(LinkState.NOT_RUNNING, null), Pending.NONE, null, false,
            "AgentMon isn't installed on this computer",
            "Install AgentMon, or ask your IT department; the command agentmon doctor shows what is missing",
            TrayState.NOT_INSTALLED, null, "", null), // its own icon: nothing crashed
        row("version mismatch", new LinkSnapshot(LinkState.CONNECTED,
                org.agentmon.protocol.Status.fromJson(status("running")), "Version mismatch", null, null),
            Pending.NONE, null, "AgentMon is running · This app is a different version",
            "Relaunch this app after the update has finished", TrayState.DEGRADED, null, "restart stop", null),
        row("starting", lost(LinkState.NOT_RUNNING, status("disabled")), Pending.START, null, "Starting…",
            "", TrayState.WORKING, null, "", null),
        row("restarted by someone else: no step of ours, so the header says it",
            lost(LinkState.RESTARTING, status("running")), Pending.NONE, null, "Restarting…",
            "Waiting for the new instance", TrayState.WORKING, null, "", null)
    ).map(Arguments::of);
  }

  private static java.util.Map<String, Object> withReason(java.util.Map<String, Object> m, String reason) {
    m.put("reason", reason);
    return m;
  }

  private static Row row(String name, LinkSnapshot link, Pending pending, Instant since, String sentence,
      String secondary, TrayState icon, Action primary, String enabled, String adminOnly) {
    return new Row(name, link, pending, since, true, sentence, secondary, icon, primary, enabled, adminOnly);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void saysTheSituation(Row r) {
    Presentation p = Presenter.present(new Situation(r.link(), r.installed(), false, r.pending(), r.since(), null, NOW,
        ZoneOffset.UTC));
    assertEquals(r.sentence(), p.sentence(), r.name());
    assertEquals(r.secondary(), p.secondary(), r.name());
    assertEquals(r.icon(), p.icon(), r.name());
    assertEquals(r.primary(), p.primary(), r.name());
    String enabled = String.join(" ", Stream.of(p.canRestart() ? "restart" : null,
        p.canStopOrStart() ? (p.helperOff() ? "start" : "stop") : null).filter(s -> s != null).toList());
    assertEquals(r.enabled(), enabled, r.name());
    assertEquals(r.adminOnly(), p.adminOnly(), r.name());
  }

  /** The step of this user's action, said once: beside its buttons, never also in the header. */
  @ParameterizedTest(name = "{0} {1}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      RESTART | CONNECTED   | running  | Asking AgentMon to restart
      RESTART | RESTARTING  | running  | Waiting for the new instance
      STOP    | CONNECTED   | running  | Asking AgentMon to stop
      STOP    | NOT_RUNNING | running  | Waiting for AgentMon to stop
      START   | CONNECTED   | disabled | Asking AgentMon to start
      START   | NOT_RUNNING | disabled | Starting AgentMon
      NONE    | RESTARTING  | running  | ''
      NONE    | CONNECTED   | running  | ''
      """)
  void theStepOfAnActionIsSaidOnceBesideItsButtons(Pending pending, LinkState state, String last, String step) {
    LinkSnapshot link = state == LinkState.CONNECTED ? connected(status(last)) : lost(state, status(last));
    Presentation p = Presenter.present(new Situation(link, true, false, pending, null, null, NOW, ZoneOffset.UTC));
    assertEquals(step, p.progress());
    if (!step.isEmpty()) {
      assertEquals("", p.secondary(), "the header does not say the step again");
    }
  }

  @org.junit.jupiter.api.Test
  void duringARestartStopStaysStopNotStart() {
    for (LinkSnapshot link : List.of(connected(status("running")), lost(LinkState.RESTARTING, status("running")))) {
      Presentation p = Presenter.present(new Situation(link, true, false, Pending.RESTART, null, null, NOW,
          ZoneOffset.UTC));
      assertEquals(Action.STOP, p.stopOrStart(), link.state().name());
    }
    Presentation respawn = Presenter.present(new Situation(lost(LinkState.RESTARTING, status("running")), true, false,
        Pending.NONE, null, null, NOW, ZoneOffset.UTC));
    assertEquals(Action.STOP, respawn.stopOrStart(), "a supervisor respawn is not a stop either");
  }

  @org.junit.jupiter.api.Test
  void theServerNeedsAttentionOnlyAfterFiveMinutes() {
    assertEquals(TrayState.RUNNING, iconWhenDownSince("2026-12-01T11:15:00Z"));
    assertEquals(TrayState.DEGRADED, iconWhenDownSince("2026-12-01T11:14:59Z"));
  }

  /** A hidden app does not tick: it wakes once, when time alone changes what the tray shows. */
  @org.junit.jupiter.api.Test
  void timeAloneChangesThePresentationOnlyWhenTheServerNeedsAttention() {
    assertEquals(Instant.parse("2026-12-01T11:23:00.001Z"), changesAt(connected(
        upstream(status("running"), "backing-off", "2026-12-01T11:18:00Z", "refused"))));
    assertEquals(null, changesAt(connected(upstream(status("running"), "backing-off", "2026-12-01T11:09:00Z", "x"))),
        "already needs attention");
    assertEquals(null, changesAt(connected(upstream(status("running"), "connected", null, null))));
    assertEquals(null, changesAt(lost(LinkState.NOT_RUNNING, status("running"))));
  }

  private static Instant changesAt(LinkSnapshot link) {
    return Presenter.changesAt(new Situation(link, true, false, Pending.NONE, null, null, NOW, ZoneOffset.UTC));
  }

  private static TrayState iconWhenDownSince(String since) {
    return Presenter.present(new Situation(connected(upstream(status("running"), "backing-off", since, "refused")),
        true, false, Pending.NONE, null, null, NOW, ZoneOffset.UTC)).icon();
  }

  @org.junit.jupiter.api.Test
  void theSupportContactReplacesTheItDepartment() {
    Presentation p = Presenter.present(new Situation(connected(readOnly(status("running"))), true, false,
        Pending.NONE, null, "the help desk (ext. 4242)", NOW, ZoneOffset.UTC));
    assertEquals("Only an administrator can restart or stop AgentMon — ask the help desk (ext. 4242)", p.adminOnly());
  }

  @org.junit.jupiter.api.Test
  void aDevelopmentAppCanStartAHelperThatIsNotRunning() {
    Presentation p = Presenter.present(new Situation(lost(LinkState.NOT_RUNNING, null), false, true, Pending.NONE,
        null, null, NOW, ZoneOffset.UTC));
    assertEquals(Action.START, p.primary());
    assertEquals(List.of(true, true), List.of(p.canStopOrStart(), p.helperOff()));
  }
}
