package org.agentmon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.agentmon.client.Deadline;
import org.agentmon.client.HelperClient;
import org.agentmon.client.HelperException;
import org.agentmon.client.HelperUnavailableException;
import org.agentmon.client.PermissionDeniedException;
import org.agentmon.protocol.SocketPathLimit;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to the helper: connects, runs, maps failures to one line and an exit code.
 * One {@link Deadline} ({@code --timeout}) bounds everything up to the command's answer, connecting
 * included; a stream ({@code --watch}, {@code --follow}) then runs without it.
 */
abstract class ClientCommand implements Callable<Integer> {
  @Mixin
  ClientOptions options;

  @Spec
  CommandSpec spec;

  /** The command's overall deadline, started when it runs. */
  Deadline deadline;

  @Override
  public final Integer call() {
    String bad = options.timeoutSeconds != null && options.timeoutSeconds < 1 ? "--timeout must be at least 1 second"
        : SocketPathLimit.problem(options.resolve());
    if (bad == null) {
      bad = invalid();
    }
    if (bad != null) {
      return fail(ExitCodes.USAGE, bad);
    }
    deadline = Deadline.after(options.timeout(defaultTimeoutSeconds()));
    try (HelperClient client = HelperClient.connect(options.resolve(), Duration.ofMillis(connectRetryMillis()),
        deadline)) {
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

  /** @return the deadline in seconds when {@code --timeout} is not given */
  int defaultTimeoutSeconds() {
    return ClientOptions.DEFAULT_TIMEOUT_SECONDS;
  }

  /** @return what is wrong with this command's own options, or null */
  String invalid() {
    return null;
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

  /** Prints the command's one-line answer and returns {@link ExitCodes#OK}. */
  int done(String message) {
    out().println(message);
    out().flush();
    return ExitCodes.OK;
  }

  int fail(int code, String message) {
    spec.commandLine().getErr().println("agentmon " + spec.name() + ": " + message);
    spec.commandLine().getErr().flush();
    return code;
  }
}
