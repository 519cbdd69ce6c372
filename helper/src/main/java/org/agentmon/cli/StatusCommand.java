package org.agentmon.cli;

import java.io.IOException;
import org.agentmon.client.HelperClient;
import org.agentmon.protocol.Status;
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
      return StatusText.once(client, out(), json);
    }
    return followUntilLost(client, () -> print(client.subscribe(s -> print(s, client)), client));
  }

  private synchronized void print(Status s, HelperClient client) {
    StatusText.print(out(), s, client, json, watch);
  }
}
