package org.agentmon.cli;

import java.nio.file.Path;
import org.agentmon.client.SocketPaths;
import picocli.CommandLine.Option;

/** {@code --socket PATH}, shared by every command. */
final class SocketOption {
  @Option(names = "--socket", paramLabel = "PATH",
      description = "The helper's socket (default: $AGENTMON_SOCKET, else the platform path).")
  Path socket;

  Path resolve() {
    return socket != null ? socket : SocketPaths.defaultSocket();
  }
}
