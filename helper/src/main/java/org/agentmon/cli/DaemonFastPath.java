package org.agentmon.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agentmon.client.SocketPaths;
import org.agentmon.daemon.DaemonOptions;
import org.agentmon.daemon.DaemonOptions.Setting;

/**
 * {@code agentmon daemon} without picocli: the path launchd and systemd take on every cold start, so
 * it loads nothing it does not need. Anything it does not fully understand (help, an option it does
 * not know, a repeated option, a bad value) is left to picocli and {@link DaemonCommand}.
 */
final class DaemonFastPath {
  /** The numeric options and what they set; their defaults are {@link DaemonOptions}', for picocli too. */
  static final Map<String, Setting> NUMBERS = Map.of("--max-connections", Setting.MAX_CONNECTIONS,
      "--max-connections-per-user", Setting.MAX_CONNECTIONS_PER_USER, "--client-idle-timeout",
      Setting.CLIENT_IDLE_SECONDS, "--idle-exit", Setting.IDLE_EXIT_SECONDS, "--crash-loop-starts",
      Setting.CRASH_LOOP_STARTS, "--crash-loop-window", Setting.CRASH_LOOP_WINDOW_SECONDS, "--min-uptime",
      Setting.MIN_UPTIME_SECONDS);
  /** The options that take a path or a name and have no default value. */
  static final Set<String> VALUES = Set.of("--socket", "--state-dir", "--log-file", "--admin-group", "--config");

  private DaemonFastPath() {}

  /** @return the one set of defaults, with the platform's socket (or {@code $AGENTMON_SOCKET}) */
  static DaemonOptions.Builder defaults() {
    return DaemonOptions.defaults(SocketPaths.defaultSocket());
  }

  /**
   * Reads {@code daemon [OPTION VALUE]...}.
   *
   * @param args the whole command line
   * @return the options, or null when picocli should handle this command line
   */
  static DaemonOptions parse(String[] args) {
    if (args.length == 0 || !"daemon".equals(args[0])) {
      return null;
    }
    Map<String, String> given = new HashMap<>();
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      String value;
      int eq = name.indexOf('=');
      if (name.startsWith("--") && eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
        value = args[++i];
      } else {
        return null;
      }
      if (!NUMBERS.containsKey(name) && !VALUES.contains(name) || given.put(name, value) != null) {
        return null;
      }
    }
    DaemonOptions.Builder b = defaults();
    try {
      for (Map.Entry<String, Setting> e : NUMBERS.entrySet()) {
        String v = given.get(e.getKey());
        if (v != null) {
          int n = Integer.parseInt(v);
          if (n < 1) {
            return null;
          }
          b.set(e.getValue(), n);
        }
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return b.socket(path(given, "--socket")).stateDir(path(given, "--state-dir")).logFile(path(given, "--log-file"))
        .adminGroup(given.get("--admin-group")).configFile(path(given, "--config"))
        .args(List.of(args).subList(1, args.length)).build();
  }

  private static Path path(Map<String, String> given, String name) {
    String v = given.get(name);
    return v == null ? null : Path.of(v);
  }
}
