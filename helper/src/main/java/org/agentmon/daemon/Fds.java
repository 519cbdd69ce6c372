package org.agentmon.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about this process's standard file descriptors, read through {@code /dev/fd}. */
final class Fds {
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;

  private Fds() {}

  /** @return whether file descriptor {@code fd} is open and is a socket */
  static boolean isSocket(int fd) {
    try {
      int mode = ((Number) Files.getAttribute(Path.of("/dev/fd/" + fd), "unix:mode")).intValue();
      return (mode & S_IFMT) == S_IFSOCK;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
