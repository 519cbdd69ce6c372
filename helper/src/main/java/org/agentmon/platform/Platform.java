package org.agentmon.platform;

import java.util.Locale;

/**
 * The platform family: launchd and {@code /Library} paths on macOS, systemd and FHS paths on Linux.
 * {@link #current()} is the one place the project reads {@code os.name}.
 */
public enum Platform {
  /** launchd, /Library paths. */
  MACOS,
  /** systemd, FHS paths. */
  LINUX;

  private static final Platform CURRENT = fromOsName(System.getProperty("os.name", ""));

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
    return CURRENT;
  }

  /**
   * The platform an {@code os.name} value names; tests use it to ask for the macOS answer on Linux.
   *
   * @param osName a value of the {@code os.name} property, e.g. {@code Mac OS X} or {@code Linux}
   * @return {@link #MACOS} for macOS (and Darwin), else {@link #LINUX}
   */
  public static Platform fromOsName(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    return os.startsWith("mac") || os.startsWith("darwin") ? MACOS : LINUX;
  }

  /** @return this JVM's {@code os.name} as it is, for reports (e.g. the upstream heartbeat) */
  public static String osName() {
    return System.getProperty("os.name");
  }

  /** @return whether this JVM runs on macOS */
  public static boolean onMac() {
    return CURRENT == MACOS;
  }

  /** @return the command-line name */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
