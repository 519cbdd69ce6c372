package org.agentmon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.agentmon.client.Deadline;
import org.agentmon.client.HelperClient;
import org.agentmon.client.HelperException;
import org.agentmon.client.HelperUnavailableException;
import org.agentmon.client.PermissionDeniedException;
import org.agentmon.protocol.SocketPathLimit;

/**
 * One client verb from connecting to its exit code, without picocli (so that {@link ClientFastPath}
 * can run it too): checks the options, connects within one {@link Deadline} ({@code --timeout}),
 * runs the verb, and turns a failure into one line on stderr and an exit code.
 */
final class ClientCall {
  /** What a verb does once connected; {@code deadline} bounds everything up to its answer. */
  interface Verb {
    int run(HelperClient client, Deadline deadline) throws IOException;
  }

  /** How long a verb waits for a helper that is starting, unless it says otherwise. */
  static final long CONNECT_RETRY_MILLIS = 1000;

  private ClientCall() {}

  /**
   * @param name the verb, for error lines
   * @param invalid what is wrong with the verb's own options, or null
   * @return the exit code
   */
  static int run(String name, ClientOptions options, int defaultTimeoutSeconds, long connectRetryMillis,
      String invalid, PrintWriter err, Verb verb) {
    Path socket = options.resolve();
    String bad = options.timeoutSeconds != null && options.timeoutSeconds < 1 ? "--timeout must be at least 1 second"
        : SocketPathLimit.problem(socket);
    if (bad == null) {
      bad = invalid;
    }
    if (bad != null) {
      return fail(err, name, ExitCodes.USAGE, bad);
    }
    Deadline deadline = Deadline.after(options.timeout(defaultTimeoutSeconds));
    try (HelperClient client = HelperClient.connect(socket, Duration.ofMillis(connectRetryMillis), deadline)) {
      return verb.run(client, deadline);
    } catch (PermissionDeniedException e) {
      return fail(err, name, ExitCodes.PERMISSION_DENIED, e.getMessage());
    } catch (HelperUnavailableException e) {
      return fail(err, name, ExitCodes.NOT_RUNNING, e.getMessage());
    } catch (HelperException e) {
      return fail(err, name, ExitCodes.FAILURE, e.getMessage() + " (error " + e.code() + ")");
    } catch (IOException e) {
      return fail(err, name, ExitCodes.FAILURE, e.getMessage());
    }
  }

  /** Says what went wrong in one line, {@code agentmon VERB: message}. */
  static int fail(PrintWriter err, String name, int code, String message) {
    err.println("agentmon " + name + ": " + message);
    err.flush();
    return code;
  }
}
