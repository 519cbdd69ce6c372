package org.agentmon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.agentmon.client.HelperClient;
import org.agentmon.client.HelperException;
import org.agentmon.client.HelperUnavailableException;
import org.agentmon.client.PermissionDeniedException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that talks to the helper: connects, runs, maps failures to one line and an exit code. */
abstract class ClientCommand implements Callable<Integer> {
  @Mixin
  SocketOption socketOption;

  @Spec
  CommandSpec spec;

  @Override
  public final Integer call() {
    try (HelperClient client = HelperClient.connect(socketOption.resolve(), java.time.Duration.ofMillis(connectRetryMillis()))) {
      return run(client);
    } catch (PermissionDeniedException e) {
      return fail(ExitCodes.PERMISSION_DENIED, e.getMessage());
    } catch (HelperUnavailableException e) {
      return fail(ExitCodes.NOT_RUNNING, e.getMessage());
    } catch (HelperException e) {
      return fail(ExitCodes.FAILURE, e.getMessage() + " (error " + e.code() + ")");
    } catch (IOException e) {
      return fail(ExitCodes.FAILURE, e.getMessage());
    }
  }

  /** How long to wait for a helper that is starting. */
  long connectRetryMillis() {
    return 1000;
  }

  abstract int run(HelperClient client) throws IOException;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  int fail(int code, String message) {
    spec.commandLine().getErr().println("agentmon " + spec.name() + ": " + message);
    spec.commandLine().getErr().flush();
    return code;
  }
}
