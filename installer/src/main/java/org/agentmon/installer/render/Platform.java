package org.agentmon.installer.render;

import java.util.Locale;

/** The service manager family a layout targets: launchd on macOS, systemd on Linux. */
public enum Platform {
  /** launchd, /Library paths. */
  MACOS,
  /** systemd, FHS paths. */
  LINUX;

  /**
   * Parses a command-line name.
   *
   * @param name {@code macos} or {@code linux}, any case
   * @return the platform
   * @throws IllegalArgumentException for any other name
   */
  public static Platform parse(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "macos":
      case "darwin":
      case "mac":
        return MACOS;
      case "linux":
        return LINUX;
      default:
        throw new IllegalArgumentException("unknown platform '" + name + "' (expected macos or linux)");
    }
  }

  /** @return the platform this JVM runs on (Linux for anything that is not macOS) */
  public static Platform current() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    return os.startsWith("mac") || os.startsWith("darwin") ? MACOS : LINUX;
  }

  /** @return the command-line name */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
