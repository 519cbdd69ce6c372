package org.agentmon.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.agentmon.platform.Platform;

/**
 * How long a Unix socket path may be: {@code sun_path} holds 108 bytes on Linux and 104 on macOS,
 * one of them the terminating NUL. Checked before connect and bind, so a long path gets a sentence
 * instead of the socket library's "Byte array is too large".
 */
public final class SocketPathLimit {
  /** Most bytes a socket path may have on Linux. */
  public static final int LINUX = 107;
  /** Most bytes a socket path may have on macOS. */
  public static final int MACOS = 103;

  private SocketPathLimit() {}

  /**
   * Says what is wrong with a socket path's length.
   *
   * @param socket the path as it will be passed to connect or bind
   * @return null when it fits, else one sentence that gives its length and the limits
   */
  public static String problem(Path socket) {
    int len = socket.toString().getBytes(StandardCharsets.UTF_8).length;
    boolean mac = Platform.onMac();
    if (len <= (mac ? MACOS : LINUX)) {
      return null;
    }
    return "socket path is " + len + " bytes; Unix sockets allow at most " + LINUX + " on Linux / " + MACOS
        + " on macOS";
  }

  /**
   * Refuses a socket path that is too long.
   *
   * @param socket the path as it will be passed to connect or bind
   * @throws IOException with {@link #problem}'s sentence when it does not fit
   */
  public static void check(Path socket) throws IOException {
    String p = problem(socket);
    if (p != null) {
      throw new IOException(p);
    }
  }
}
