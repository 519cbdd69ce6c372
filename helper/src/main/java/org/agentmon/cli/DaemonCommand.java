package org.agentmon.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.agentmon.client.SocketPaths;
import org.agentmon.daemon.Daemon;
import org.agentmon.daemon.DaemonOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code agentmon daemon}: run the helper itself. */
@Command(name = "daemon", description = "Run the helper (launchd/systemd start this; --socket binds its own).")
final class DaemonCommand implements Callable<Integer> {
  @Option(names = "--socket", paramLabel = "PATH",
      description = "Socket to bind when no supervisor passes one (default: $AGENTMON_SOCKET, else the platform path).")
  Path socket;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "State directory (default: the platform's).")
  Path stateDir;

  @Option(names = "--log-file", paramLabel = "FILE", description = "Log here (default: stderr, unless it is the socket).")
  Path logFile;

  @Option(names = "--admin-group", paramLabel = "NAME",
      description = "Members may restart/stop/start (default: admin on macOS, sudo then wheel on Linux).")
  String adminGroup;

  @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1024",
      description = "Connections served at once (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--client-idle-timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "Close connections that are not subscribed after this idle time (default: ${DEFAULT-VALUE}).")
  long clientIdleSeconds;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (maxConnections < 1 || clientIdleSeconds < 1) {
      spec.commandLine().getErr().println("agentmon daemon: --max-connections and --client-idle-timeout must be positive");
      return ExitCodes.USAGE;
    }
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    List<String> own = args.subList(args.indexOf("daemon") + 1, args.size());
    return Daemon.run(DaemonOptions.of(socket != null ? socket : SocketPaths.defaultSocket(),
        stateDir != null ? stateDir : DaemonOptions.defaultStateDir(), logFile, adminGroup, maxConnections,
        clientIdleSeconds, own));
  }
}
