package org.agentmon.usrtask.single;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Per-user runtime directories: {@code $XDG_RUNTIME_DIR}, else a private one in the temp dir. */
public final class UserDirs {
  private UserDirs() {}

  /**
   * A private (0700) directory for this user's sockets, created when missing.
   *
   * @param name the directory's name
   * @return {@code $XDG_RUNTIME_DIR/name}, else {@code $TMPDIR/name-<user>}
   * @throws IOException if it cannot be created or belongs to someone else
   */
  public static Path runtimeDir(String name) throws IOException {
    String xdg = System.getenv("XDG_RUNTIME_DIR");
    Path dir = xdg != null && xdg.startsWith("/") && Files.isDirectory(Path.of(xdg))
        ? Path.of(xdg, name) : Path.of(System.getProperty("java.io.tmpdir"), name + "-" + System.getProperty("user.name"));
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
    if (!owner.equals(System.getProperty("user.name"))) {
      throw new IOException(dir + " belongs to " + owner + ", not to " + System.getProperty("user.name"));
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    return dir;
  }

  /**
   * @return this user's UsrTask lock socket
   * @throws IOException if its directory cannot be made
   */
  public static Path instanceSocket() throws IOException {
    return runtimeDir("agentmon-usrtask").resolve("usrtask.sock");
  }
}
