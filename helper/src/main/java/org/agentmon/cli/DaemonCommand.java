package org.agentmon.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.agentmon.daemon.Daemon;
import org.agentmon.daemon.DaemonOptions;
import org.agentmon.daemon.DaemonOptions.Setting;
import org.agentmon.platform.SystemPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code agentmon daemon}: run the helper itself. */
@Command(name = "daemon", mixinStandardHelpOptions = true, defaultValueProvider = DaemonCommand.Defaults.class,
    modelTransformer = DaemonCommand.Numbers.class,
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

  @Option(names = "--config", paramLabel = "FILE",
      description = "Read only this preferences plist (default: " + SystemPaths.LINUX_PREFERENCES + "; on macOS "
          + SystemPaths.MAC_PREFERENCES + ", overridden key by key by /Library/Managed Preferences/).")
  Path config;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (DaemonFastPath.NUMBERS.keySet().stream().anyMatch(name -> number(name) < 1)) {
      spec.commandLine().getErr().println("agentmon daemon: counts and durations must be positive");
      return ExitCodes.USAGE;
    }
    return Daemon.run(options());
  }

  /** @return what was given, over the one set of defaults */
  DaemonOptions options() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    List<String> own = args.subList(args.indexOf("daemon") + 1, args.size());
    DaemonOptions.Builder b = DaemonFastPath.defaults().socket(socket).stateDir(stateDir).logFile(logFile)
        .adminGroup(adminGroup).configFile(config).args(own);
    DaemonFastPath.NUMBERS.forEach((name, setting) -> b.set(setting, number(name)));
    return b.build();
  }

  private long number(String option) {
    return ((Number) spec.findOption(option).getValue()).longValue();
  }

  /**
   * Adds the numeric options: their names and what they set are {@link DaemonFastPath#NUMBERS}, their
   * defaults {@link Defaults}; a count is an int, a time in whole seconds a long.
   */
  static final class Numbers implements IModelTransformer {
    /** What each numeric option means, for the help. */
    private static final Map<Setting, String> HELP = Map.of(
        Setting.MAX_CONNECTIONS, "Connections served at once",
        Setting.MAX_CONNECTIONS_PER_USER, "Connections one user who is not an administrator may hold at once",
        Setting.CLIENT_IDLE_SECONDS, "Close connections that are not subscribed after this idle time",
        Setting.IDLE_EXIT_SECONDS, "A socket-activated, disabled helper exits after this idle time",
        Setting.CRASH_LOOP_STARTS, "Quick crashes within the window that put the next start in safe mode",
        Setting.CRASH_LOOP_WINDOW_SECONDS, "The crash-loop window",
        Setting.MIN_UPTIME_SECONDS, "A run that ends badly sooner than this is a quick crash");

    @Override
    public CommandSpec transform(CommandSpec spec) {
      DaemonFastPath.NUMBERS.forEach((name, setting) -> {
        boolean seconds = setting.name().endsWith("_SECONDS");
        spec.addOption(OptionSpec.builder(name).paramLabel(seconds ? "SECONDS" : "N")
            .type(seconds ? long.class : int.class)
            .description(HELP.get(setting) + " (default: ${DEFAULT-VALUE}).").build());
      });
      return spec;
    }
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
