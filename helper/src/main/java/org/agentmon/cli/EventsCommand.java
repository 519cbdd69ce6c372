package org.agentmon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import org.agentmon.client.EventText;
import org.agentmon.client.HelperClient;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.Methods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agentmon events}: the helper's local event log, optionally followed live. */
@Command(name = "events", description = "Show the helper's event log (admin actions, starts, upstream trouble).")
final class EventsCommand extends ClientCommand {
  @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20",
      description = "How many of the last events to show, from 0 to 1000 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = {"-f", "--follow"}, description = "Keep printing new events until interrupted.")
  boolean follow;

  @Option(names = "--json", description = "Print each event as one JSON object per line.")
  boolean json;

  @Override
  String invalid() {
    boolean fits = limit >= 0 && limit <= Methods.MAX_EVENTS;
    return fits ? null : "-n must be from 0 to " + Methods.MAX_EVENTS + ", not " + limit;
  }

  @Override
  int run(HelperClient client) throws IOException {
    if (!follow) {
      for (Map<?, ?> ev : client.events(limit, null)) {
        print(ev);
      }
      return ExitCodes.OK;
    }
    return followUntilLost(client, () -> {
      for (Map<?, ?> ev : client.events(limit, this::print)) {
        print(ev);
      }
    });
  }

  private synchronized void print(Map<?, ?> ev) {
    PrintWriter out = out();
    if (json) {
      out.println(Json.toText(ev));
    } else {
      StringBuilder rest = new StringBuilder();
      for (Map.Entry<?, ?> e : ev.entrySet()) {
        String k = String.valueOf(e.getKey());
        if (e.getValue() != null && !k.equals("time") && !k.equals("type") && !k.equals("id") && !k.equals("seq") && !k.equals("delivered")) {
          rest.append(' ').append(k).append('=').append(e.getValue());
        }
      }
      out.printf("%s  %-26s%s  · %s%s%n", ev.get("time"), ev.get("type"), rest, EventText.describe(ev),
          Boolean.FALSE.equals(ev.get("delivered")) ? "  (not yet sent)" : "");
    }
    out.flush();
  }
}
