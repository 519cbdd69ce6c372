package org.agentmon.cli;

import java.io.IOException;
import org.agentmon.client.HelperClient;
import picocli.CommandLine.Command;

/** {@code agentmon start}: enable the helper so it runs persistently. */
@Command(name = "start", description = "Enable the helper so it runs persistently (admin only).")
final class StartCommand extends ClientCommand {
  @Override
  long connectRetryMillis() {
    return ControlVerbs.START_CONNECT_RETRY_MILLIS;
  }

  @Override
  int run(HelperClient client) throws IOException {
    return ControlVerbs.start(client, out());
  }
}
