package org.agentmon.client;

import java.nio.file.Path;
import org.agentmon.platform.Platform;
import org.agentmon.platform.SystemPaths;

/** Where the helper's socket is: {@code AGENTMON_SOCKET}, else the platform's path. */
public final class SocketPaths {
  /** The environment variable that overrides the platform path. */
  public static final String ENV = "AGENTMON_SOCKET";

  private SocketPaths() {}

  /** @return the socket path a client uses when it is given none */
  public static Path defaultSocket() {
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(SystemPaths.socket(Platform.current()));
  }
}
