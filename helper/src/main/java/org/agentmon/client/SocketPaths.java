package org.agentmon.client;

import java.nio.file.Path;
import java.util.Locale;

/** Where the helper's socket is: {@code AGENTMON_SOCKET}, else the platform's path. */
public final class SocketPaths {
  /** The environment variable that overrides the platform path. */
  public static final String ENV = "AGENTMON_SOCKET";
  /** The LaunchDaemon's socket on macOS. */
  public static final String MACOS = "/var/run/org.agentmon.helper.sock";
  /** The systemd socket unit's path on Linux. */
  public static final String LINUX = "/run/agentmon/agentmon.sock";

  private SocketPaths() {}

  /** @return the socket path a client uses when it is given none */
  public static Path defaultSocket() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(isMac() ? MACOS : LINUX);
  }

  /** @return whether this is macOS */
  public static boolean isMac() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
  }
}
