package org.agentmon.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Whether a file is a socket: this process's standard file descriptors (through {@code /dev/fd}), or a path. */
final class Fds {
  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;

  private Fds() {}

  /** @return whether file descriptor {@code fd} is open and is a socket */
  static boolean isSocket(int fd) {
    try {
      return isSocket(Path.of("/dev/fd/" + fd)); // follows /dev/fd's link to the open file
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * @return whether file descriptors {@code a} and {@code b} are both open on the same file
   *     (same device and inode: e.g. stderr is the listening socket, not the journal's stream)
   */
  static boolean sameFile(int a, int b) {
    try {
      Path pa = Path.of("/dev/fd/" + a);
      Path pb = Path.of("/dev/fd/" + b);
      return Files.getAttribute(pa, "unix:dev").equals(Files.getAttribute(pb, "unix:dev"))
          && Files.getAttribute(pa, "unix:ino").equals(Files.getAttribute(pb, "unix:ino"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** @return whether {@code path} itself (not a link's target) is a socket */
  static boolean isSocketFile(Path path) throws IOException {
    return isSocket(path, LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean isSocket(Path path, LinkOption... options) throws IOException {
    int mode = ((Number) Files.getAttribute(path, "unix:mode", options)).intValue();
    return (mode & S_IFMT) == S_IFSOCK;
  }
}
