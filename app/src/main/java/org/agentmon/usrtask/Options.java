package org.agentmon.usrtask;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * UsrTask's command line.
 *
 * @param dev start an unprivileged helper on a per-user socket when none answers
 * @param socket the helper's socket, or null for the default
 * @param show show the status window at start even when there is a tray
 * @param noTray never use the tray: the status window is the main window
 * @param replace take over from a running UsrTask (used by Relaunch)
 * @param theme {@code light}, {@code dark} or {@code system}, or null for system
 * @param help print usage
 * @param args the arguments as given, for a relaunch
 */
record Options(boolean dev, Path socket, boolean show, boolean noTray, boolean replace, String theme, boolean help,
    List<String> args) {
  static final String USAGE = String.join("\n",
      "usage: usrtask [--dev] [--socket PATH] [--show] [--no-tray] [--theme light|dark|system]",
      "  --dev          start an unprivileged helper on a per-user socket when none answers",
      "  --socket PATH  the helper's socket (default: $AGENTMON_SOCKET, else the platform's; with --dev a per-user one)",
      "  --show         show the status window at start",
      "  --no-tray      no tray icon: the status window is the main window, closing it quits",
      "  --theme T      light, dark, or system (default: follow the system's setting)");

  /**
   * @param args the command line
   * @return the options
   * @throws IllegalArgumentException on an unknown option or a missing value
   */
  static Options parse(String... args) {
    boolean dev = false;
    boolean show = false;
    boolean noTray = false;
    boolean replace = false;
    boolean help = false;
    Path socket = null;
    String theme = null;
    List<String> keep = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--dev" -> dev = true;
        case "--show" -> show = true;
        case "--no-tray" -> noTray = true;
        case "--replace" -> replace = true;
        case "-h", "--help" -> help = true;
        case "--theme" -> {
          if (i + 1 >= args.length || !List.of("light", "dark", "system").contains(args[i + 1])) {
            throw new IllegalArgumentException("--theme needs light, dark or system");
          }
          theme = args[++i];
          keep.add(a);
          keep.add(theme);
          continue;
        }
        case "--socket" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--socket needs a path");
          }
          socket = Path.of(args[++i]).toAbsolutePath();
          keep.add(a);
          keep.add(socket.toString());
          continue;
        }
        default -> throw new IllegalArgumentException("unknown option: " + a);
      }
      if (!a.equals("--replace")) {
        keep.add(a);
      }
    }
    return new Options(dev, socket, show, noTray, replace, theme, help, List.copyOf(keep));
  }
}
