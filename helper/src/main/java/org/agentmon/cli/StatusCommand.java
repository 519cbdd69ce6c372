package org.agentmon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.agentmon.client.HelperClient;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.agentmon.protocol.Upstream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agentmon status}: exit 0 when the helper answers, 3 when nothing does. */
@Command(name = "status", description = "Show the helper's status (exit 0 answers, 3 not running, 4 denied).")
final class StatusCommand extends ClientCommand {
  @Option(names = "--json", description = "Print the status as one JSON object per line.")
  boolean json;

  @Option(names = "--watch", description = "Keep printing every change until interrupted.")
  boolean watch;

  @Override
  int run(HelperClient client) throws IOException {
    if (!watch) {
      print(client.status(), client);
      return ExitCodes.OK;
    }
    return followUntilLost(client, () -> print(client.subscribe(s -> print(s, client)), client));
  }

  /**
   * The state and, where it adds something, whether the helper is enabled: "running (enabled)",
   * "disabled" (never "disabled (disabled)").
   */
  static String headline(Status s) {
    String word = s.state() == null ? "unknown state" : s.state().wire();
    if (s.state() == RunState.DISABLED) {
      return s.enabled() ? word + " (enabled again: starting)" : word;
    }
    return word + (s.enabled() ? " (enabled)" : " (disabled)");
  }

  private synchronized void print(Status s, HelperClient client) {
    PrintWriter out = out();
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
      Upstream u = s.upstream();
      if (u != null) {
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
      out.printf("  you:        uid %d, %s%n", s.caller().uid(), s.caller().admin() ? "administrator" : "read-only");
      String mismatch = client.versionMismatch();
      if (mismatch != null) {
        out.printf("  note:       %s%n", mismatch);
      }
    }
    out.flush();
  }
}
