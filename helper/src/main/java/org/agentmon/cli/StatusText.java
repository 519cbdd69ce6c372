package org.agentmon.cli;

import java.io.PrintWriter;
import org.agentmon.client.HelperClient;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.Status;
import org.agentmon.protocol.Upstream;

/** How {@code agentmon status} prints a status: words, one JSON object, or a watch line. No picocli here. */
final class StatusText {
  private StatusText() {}

  /**
   * The state and, where it adds something, whether the helper is enabled: "running (enabled)",
   * "disabled" (never "disabled (disabled)").
   */
  static String headline(Status s) {
    if (Status.DISABLED.equals(s.state())) {
      return s.enabled() ? s.state() + " (enabled again: starting)" : s.state();
    }
    return s.state() + (s.enabled() ? " (enabled)" : " (disabled)");
  }

  /** {@code agentmon status} without {@code --watch}: asks once and prints the answer. */
  static int once(HelperClient client, PrintWriter out, boolean json) throws java.io.IOException {
    print(out, client.status(), client, json, false);
    return ExitCodes.OK;
  }

  static void print(PrintWriter out, Status s, HelperClient client, boolean json, boolean watch) {
    if (json) {
      out.println(Json.toText(s.toJson()));
    } else if (watch) {
      out.printf("%s  %s pid %d instance %s clients %d%n", java.time.Instant.now(), headline(s),
          s.pid(), s.instanceId(), s.clients());
    } else {
      out.printf("AgentMon helper: %s%n", headline(s));
      if (s.reason() != null) {
        out.printf("  reason:     %s%n", s.reason());
      }
      if (s.problem() != null) {
        out.printf("  problem:    %s%n", s.problem());
      }
      out.printf("  version:    %s (build %s, protocol %s)%n", s.version(), s.buildId(), s.protocolVersion());
      out.printf("  pid:        %d%n", s.pid());
      out.printf("  instance:   %s%n", s.instanceId());
      out.printf("  started:    %s%n", s.startedAt());
      out.printf("  socket:     %s (%s, supervisor %s)%n", client.socket(), s.socketSource(), s.supervisor());
      out.printf("  clients:    %d%n", s.clients());
      if (s.lastExit() != null) {
        out.printf("  last exit:  %s (%d starts in the last hour)%n", s.lastExit(), s.startsInLastHour());
      }
      upstream(out, s.upstream());
      out.printf("  you:        uid %d, %s%n", s.caller().uid(), s.caller().admin() ? "administrator" : "read-only");
      String mismatch = client.versionMismatch();
      if (mismatch != null) {
        out.printf("  note:       %s%n", mismatch);
      }
    }
    out.flush();
  }

  private static void upstream(PrintWriter out, Upstream u) {
    if (u == null) {
      return;
    }
    out.printf("  upstream:   %s%s%n", u.state(), u.serverURL() == null ? "" : " (" + u.serverURL() + ")");
    if (u.lastSuccess() != null) {
      out.printf("    last success: %s%n", u.lastSuccess());
    }
    if (u.lastError() != null) {
      out.printf("    last error:   %s%n", u.lastError());
    }
    if (u.nextAttempt() != null) {
      out.printf("    next attempt: %s%n", u.nextAttempt());
    }
    out.printf("    event log:    %d waiting, %d dropped%n", u.spoolDepth(), u.droppedEvents());
  }
}
