package org.agentmon.usrtask.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Whether the system prefers dark: macOS {@code defaults read -g AppleInterfaceStyle}; GNOME
 * {@code gsettings get org.gnome.desktop.interface color-scheme}, falling back to {@code
 * GTK_THEME} ending in {@code :dark}. {@link #watch} follows GNOME's setting live through
 * {@code gsettings monitor} (no polling).
 */
final class SystemTheme {
  private SystemTheme() {}

  static boolean prefersDark(boolean mac) {
    if (mac) {
      return "Dark".equals(run(List.of("defaults", "read", "-g", "AppleInterfaceStyle")));
    }
    String scheme = run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
    if (scheme != null && !scheme.isEmpty()) {
      return isDarkScheme(scheme);
    }
    return gtkThemeIsDark(System.getenv("GTK_THEME"));
  }

  static boolean isDarkScheme(String gsettingsValue) {
    return gsettingsValue.contains("prefer-dark");
  }

  static boolean gtkThemeIsDark(String gtkTheme) {
    return gtkTheme != null && gtkTheme.toLowerCase().endsWith(":dark");
  }

  /**
   * Calls {@code onChange} with the new preference whenever GNOME's colour scheme changes; does
   * nothing where {@code gsettings} is missing. The watcher is a daemon thread.
   */
  static void watch(Consumer<Boolean> onChange) {
    Thread t = new Thread(() -> {
      try {
        Process p = new ProcessBuilder("gsettings", "monitor", "org.gnome.desktop.interface", "color-scheme")
            .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            onChange.accept(isDarkScheme(line));
          }
        }
      } catch (IOException e) {
        // no gsettings: the theme stays as it was at start
      }
    }, "agentmon-theme-watch");
    t.setDaemon(true);
    t.start();
  }

  /** @return the command's trimmed output, or null when it fails or is missing */
  private static String run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(3, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
