package org.agentmon.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.agentmon.daemon.Daemon;
import org.agentmon.daemon.DaemonOptions;
import org.agentmon.daemon.DaemonOptions.Setting;
import org.agentmon.platform.SystemPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code agentmon daemon}: run the helper itself. */
@Command(name = "daemon", mixinStandardHelpOptions = true, defaultValueProvider = DaemonCommand.Defaults.class,
    description = "Run the helper (launchd/systemd start this; --socket binds its own).")
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

  @Option(names = "--max-connections", paramLabel = "N",
      description = "Connections served at once (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--max-connections-per-user", paramLabel = "N",
      description = "Connections one user who is not an administrator may hold at once (default: ${DEFAULT-VALUE}).")
  int maxConnectionsPerUser;

  @Option(names = "--client-idle-timeout", paramLabel = "SECONDS",
      description = "Close connections that are not subscribed after this idle time (default: ${DEFAULT-VALUE}).")
  long clientIdleSeconds;

  @Option(names = "--idle-exit", paramLabel = "SECONDS",
      description = "A socket-activated, disabled helper exits after this idle time (default: ${DEFAULT-VALUE}).")
  long idleExitSeconds;

  @Option(names = "--crash-loop-starts", paramLabel = "N",
      description = "Quick crashes within the window that put the next start in safe mode (default: ${DEFAULT-VALUE}).")
  int crashLoopStarts;

  @Option(names = "--crash-loop-window", paramLabel = "SECONDS",
      description = "The crash-loop window (default: ${DEFAULT-VALUE}).")
  long crashLoopWindowSeconds;

  @Option(names = "--min-uptime", paramLabel = "SECONDS",
      description = "A run that ends badly sooner than this is a quick crash (default: ${DEFAULT-VALUE}).")
  long minUptimeSeconds;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Read only this preferences plist (default: " + SystemPaths.LINUX_PREFERENCES + "; on macOS "
          + SystemPaths.MAC_PREFERENCES + ", overridden key by key by /Library/Managed Preferences/).")
  Path config;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (maxConnections < 1 || maxConnectionsPerUser < 1 || clientIdleSeconds < 1 || idleExitSeconds < 1
        || crashLoopStarts < 1 || crashLoopWindowSeconds < 1 || minUptimeSeconds < 1) {
      spec.commandLine().getErr().println("agentmon daemon: counts and durations must be positive");
      return ExitCodes.USAGE;
    }
    return Daemon.run(options());
  }

  /** @return what was given, over the one set of defaults */
  DaemonOptions options() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    List<String> own = args.subList(args.indexOf("daemon") + 1, args.size());
    return DaemonFastPath.defaults().socket(socket).stateDir(stateDir).logFile(logFile).adminGroup(adminGroup)
        .configFile(config).args(own)
        .set(Setting.MAX_CONNECTIONS, maxConnections)
        .set(Setting.MAX_CONNECTIONS_PER_USER, maxConnectionsPerUser)
        .set(Setting.CLIENT_IDLE_SECONDS, clientIdleSeconds)
        .set(Setting.IDLE_EXIT_SECONDS, idleExitSeconds)
        .set(Setting.CRASH_LOOP_STARTS, crashLoopStarts)
        .set(Setting.CRASH_LOOP_WINDOW_SECONDS, crashLoopWindowSeconds)
        .set(Setting.MIN_UPTIME_SECONDS, minUptimeSeconds)
        .build();
  }

  /** The numeric options' defaults, from {@link DaemonOptions} (shown by {@code ${DEFAULT-VALUE}} too). */
  static final class Defaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
      Setting s = arg.isOption() ? DaemonFastPath.NUMBERS.get(((OptionSpec) arg).longestName()) : null;
      return s == null ? null : String.valueOf(s.defaultValue());
    }
  }
}
