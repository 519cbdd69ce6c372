package org.agentmon.usrtask.single;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.agentmon.platform.Labels;
import org.agentmon.platform.Platform;

/**
 * Per-user runtime directories that no other user can own or pre-create: {@code $XDG_RUNTIME_DIR}
 * when it is this user's own private directory, else {@code ~/.cache/agentmon} on Linux and {@code
 * ~/Library/Caches/org.agentmon.usrtask} on macOS. Never the shared temp directory, where anyone
 * could create the name first and keep AgentMon from starting.
 */
public final class UserDirs {
  private static final Set<PosixFilePermission> NOT_PRIVATE = EnumSet.of(PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private UserDirs() {}

  /**
   * A private (0700) directory for this user's sockets, created when missing.
   *
   * @param name the directory's name
   * @return the directory
   * @throws IOException if it cannot be created, or is a link or belongs to someone else
   */
  public static Path runtimeDir(String name) throws IOException {
    return runtimeDir(name, System.getenv("XDG_RUNTIME_DIR"), Path.of(System.getProperty("user.home")),
        Platform.onMac());
  }

  /**
   * @return this user's UsrTask lock socket
   * @throws IOException if its directory cannot be made
   */
  public static Path instanceSocket() throws IOException {
    return runtimeDir("agentmon-usrtask").resolve("usrtask.sock");
  }

  static Path runtimeDir(String name, String xdgRuntimeDir, Path home, boolean mac) throws IOException {
    Path base;
    if (mac) {
      base = privateDir(home.resolve("Library/Caches/" + Labels.USRTASK));
    } else if (xdgRuntimeDir != null && xdgRuntimeDir.startsWith("/") && isOwnPrivate(Path.of(xdgRuntimeDir))) {
      base = Path.of(xdgRuntimeDir);
    } else {
      base = privateDir(home.resolve(".cache/agentmon"));
    }
    return privateDir(base.resolve(name));
  }

  /** Creates {@code dir} 0700 when missing; makes it 0700 when it is ours; refuses links and others' dirs. */
  static Path privateDir(Path dir) throws IOException {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(dir + " is a link or a file, not a directory: AgentMon keeps its lock only in a "
          + "directory of your own; remove " + dir);
    }
    long owner = uidOf(dir);
    if (owner != ownUid()) {
      throw new IOException(dir + " belongs to uid " + owner + ", not to you (uid " + ownUid()
          + "): AgentMon keeps its lock only in a directory of your own; remove " + dir);
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    return dir;
  }

  private static boolean isOwnPrivate(Path dir) throws IOException {
    return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && uidOf(dir) == ownUid()
        && Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).stream().noneMatch(NOT_PRIVATE::contains);
  }

  private static long uidOf(Path p) throws IOException {
    return ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
  }

  static long ownUid() {
    return new UnixSystem().getUid();
  }
}
