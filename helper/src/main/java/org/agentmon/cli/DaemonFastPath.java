package org.agentmon.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.agentmon.client.SocketPaths;
import org.agentmon.daemon.DaemonOptions;

/**
 * {@code agentmon daemon} without picocli: the path launchd and systemd take on every cold start, so
 * it loads nothing it does not need. Anything it does not fully understand (help, an option it does
 * not know, a repeated option, a bad value) is left to picocli and {@link DaemonCommand}.
 */
final class DaemonFastPath {
  /** The numeric options and their defaults; a test keeps them equal to {@link DaemonCommand}'s. */
  static final Map<String, String> NUMBERS = Map.of("--max-connections", "1024", "--max-connections-per-user", "32",
      "--client-idle-timeout", "60", "--idle-exit", "30", "--crash-loop-starts", "5", "--crash-loop-window", "60",
      "--min-uptime", "30");
  /** The options that take a path or a name and have no default value. */
  static final Set<String> VALUES = Set.of("--socket", "--state-dir", "--log-file", "--admin-group", "--config");

  private DaemonFastPath() {}

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
    String[] order = {"--max-connections", "--max-connections-per-user", "--client-idle-timeout", "--idle-exit",
        "--crash-loop-starts", "--crash-loop-window", "--min-uptime"};
    long[] n = new long[order.length];
    try {
      for (int k = 0; k < order.length; k++) {
        n[k] = Integer.parseInt(given.getOrDefault(order[k], NUMBERS.get(order[k])));
        if (n[k] < 1) {
          return null;
        }
      }
    } catch (NumberFormatException e) {
      return null;
    }
    Path socket = path(given, "--socket");
    Path stateDir = path(given, "--state-dir");
    return DaemonOptions.of(socket != null ? socket : SocketPaths.defaultSocket(),
        stateDir != null ? stateDir : DaemonOptions.defaultStateDir(), path(given, "--log-file"),
        given.get("--admin-group"), (int) n[0], (int) n[1], n[2], n[3], (int) n[4], n[5], n[6],
        List.of(args).subList(1, args.length), path(given, "--config"));
  }

  private static Path path(Map<String, String> given, String name) {
    String v = given.get(name);
    return v == null ? null : Path.of(v);
  }
}
