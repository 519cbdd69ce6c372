package org.agentmon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

  /** Starts a stream of notifications on this connection. */
  interface Stream {
    void start() throws IOException;
  }

  /**
   * Starts a stream and follows it until the helper goes away (exit 3, with why) or this thread is
   * interrupted (exit 0).
   */
  int followUntilLost(HelperClient client, Stream stream) throws IOException {
    CountDownLatch lost = new CountDownLatch(1);
    String[] why = new String[1];
    client.onConnectionLost(e -> {
      why[0] = e.getMessage();
      lost.countDown();
    });
    stream.start();
    try {
      lost.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.OK;
    }
    return fail(ExitCodes.NOT_RUNNING, why[0]);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  int fail(int code, String message) {
    spec.commandLine().getErr().println("agentmon " + spec.name() + ": " + message);
    spec.commandLine().getErr().flush();
    return code;
  }
}
