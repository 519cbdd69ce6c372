package org.agentmon.cli;

import java.io.IOException;
import org.agentmon.client.HelperClient;
import picocli.CommandLine.Command;

/** {@code agentmon stop}: disable the helper; it stays off across restarts until {@code start}. */
@Command(name = "stop", description = "Disable the helper and let it exit (admin only).")
final class StopCommand extends ClientCommand {
  @Override
  int run(HelperClient client) throws IOException {
    return ControlVerbs.stop(client, out());
  }
}
