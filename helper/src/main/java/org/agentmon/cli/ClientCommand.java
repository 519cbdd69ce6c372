package org.agentmon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.agentmon.client.Deadline;
import org.agentmon.client.HelperClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that talks to the helper through picocli; {@link ClientCall} connects, runs and maps
 * failures to one line and an exit code. One {@link Deadline} ({@code --timeout}) bounds everything up
 * to the command's answer, connecting included; a stream ({@code --watch}, {@code --follow}) then runs
 * without it.
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
    return ClientCall.run(spec.name(), options, defaultTimeoutSeconds(), connectRetryMillis(), invalid(),
        spec.commandLine().getErr(), (client, d) -> {
          deadline = d;
          return run(client);
        });
  }

  /** How long to wait for a helper that is starting. */
  long connectRetryMillis() {
    return ClientCall.CONNECT_RETRY_MILLIS;
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

  int fail(int code, String message) {
    return ClientCall.fail(spec.commandLine().getErr(), spec.name(), code, message);
  }
}
