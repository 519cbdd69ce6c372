package org.agentmon.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.agentmon.client.SocketPaths;
import picocli.CommandLine.Option;

/** The options every client command shares: where the helper is and how long to wait for it. */
final class ClientOptions {
  /** The overall deadline of a command when {@code --timeout} is not given. */
  static final int DEFAULT_TIMEOUT_SECONDS = 10;

  @Option(names = "--socket", paramLabel = "PATH",
      description = "The helper's socket (default: $AGENTMON_SOCKET, else the platform path).")
  Path socket;

  @Option(names = "--timeout", paramLabel = "SECONDS",
      description = "Give up (exit 3) when the helper has not answered within this time, connecting included "
          + "(default: " + DEFAULT_TIMEOUT_SECONDS + "; restart --wait: " + RestartCommand.WAIT_TIMEOUT_SECONDS + ").")
  Integer timeoutSeconds;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  Path resolve() {
    return socket != null ? socket : SocketPaths.defaultSocket();
  }

  /**
   * @param fallback the command's default, in seconds
   * @return the command's overall deadline
   */
  Duration timeout(int fallback) {
    return Duration.ofSeconds(timeoutSeconds != null ? timeoutSeconds : fallback);
  }
}
