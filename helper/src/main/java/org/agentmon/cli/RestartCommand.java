package org.agentmon.cli;

import java.io.IOException;
import org.agentmon.client.HelperClient;
import org.agentmon.client.NewInstanceWait;
import org.agentmon.protocol.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agentmon restart}: replace the helper process; {@code --wait} until the new one answers. */
@Command(name = "restart", description = "Replace the helper with a new process (admin only).")
final class RestartCommand extends ClientCommand {
  @Option(names = "--wait", description = "Show progress until the new instance answers.")
  boolean waitForNew;

  /** How long restart --wait waits for the new instance when {@code --timeout} is not given. */
  static final int WAIT_TIMEOUT_SECONDS = 30;

  @Override
  int defaultTimeoutSeconds() {
    return waitForNew ? WAIT_TIMEOUT_SECONDS : super.defaultTimeoutSeconds();
  }

  @Override
  int run(HelperClient client) throws IOException {
    Status before = client.status();
    client.restart();
    if (!waitForNew) {
      out().printf("Restart requested (old pid %d).%n", before.pid());
      out().flush();
      return ExitCodes.OK;
    }
    out().printf("Restarting helper (pid %d, instance %s)…%n", before.pid(), before.instanceId());
    out().flush();
    NewInstanceWait.Result r = new NewInstanceWait(before, deadline).await(client.socket(), () -> {
      out().println("  waiting for the new instance…");
      out().flush();
    });
    Status now = r.status();
    return switch (r.outcome()) {
      case RESTARTED -> {
        out().printf("Helper restarted: pid %d, instance %s, %s.%n", now.pid(), now.instanceId(), now.state());
        out().flush();
        yield ExitCodes.OK;
      }
      case STOPPED -> fail(ExitCodes.NOT_RUNNING, "the helper was stopped instead (pid " + now.pid() + ", instance "
          + now.instanceId() + ", " + now.state() + ")");
      case SAME_INSTANCE -> fail(ExitCodes.NOT_RUNNING, "the helper did not restart within "
          + deadline.total().toSeconds() + " s: instance " + before.instanceId() + " still answers");
      case TIMED_OUT -> fail(ExitCodes.NOT_RUNNING, "no new helper instance answered within "
          + deadline.total().toSeconds() + " s");
    };
  }
}
