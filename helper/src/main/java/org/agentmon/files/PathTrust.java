package org.agentmon.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.agentmon.platform.Platform;

/**
 * Decides whether root may keep files at a path, as sshd's StrictModes does: every directory from
 * {@code /} down belongs to root or to this process's user and nobody else may write it (a sticky
 * directory such as {@code /tmp} is fine above ours, never as ours), and no symbolic link is on the
 * way, except the system's own root-owned links directly under {@code /} (macOS {@code /var},
 * {@code /tmp}). Without this, whoever can plant a link makes root write where they choose.
 * The one owner and mode check of the project: directories, the files root writes, and the files
 * whose content root acts on ({@link #settingsFile}) all go through {@link #checkOwner} and
 * {@link #checkWrite}.
 */
public final class PathTrust {
  static final int S_IFMT = 0170000;
  static final int S_IFDIR = 0040000;
  static final int S_IFREG = 0100000;
  static final int S_IFLNK = 0120000;
  static final int S_IFSOCK = 0140000;
  private static final int GROUP_OR_OTHERS_WRITE = 0022;
  private static final int OTHERS_WRITE = 0002;
  /** Groups whose write access trusts no one new here; see {@link #trustedGroups(Platform)} (tests set another's). */
  static java.util.Set<Long> trustedGroups = trustedGroups(Platform.current());
  private static final int STICKY = 01000;

  private PathTrust() {}

  /**
   * Checks a directory that will hold the helper's files.
   *
   * @param dir the directory as given
   * @param ownUid this process's uid
   * @return the directory's absolute path
   * @throws IOException naming the first component that is missing, a link, someone else's or writable by others
   */
  public static Path directory(Path dir, long ownUid) throws IOException {
    return walk(dir, ownUid, null, true);
  }

  /**
   * Like {@link #directory}, creating the missing directories (each with {@code mode}) first.
   *
   * @param dir the directory as given
   * @param ownUid this process's uid
   * @param mode e.g. {@code rwx------}
   * @return the directory's absolute path
   * @throws IOException if a component cannot be created or is not trusted
   */
  public static Path createDirectory(Path dir, long ownUid, String mode) throws IOException {
    return walk(dir, ownUid, mode, true);
  }

  /**
   * Checks a file the helper appends to or replaces (its log, its socket): its directory is
   * trusted, and the file, if it exists, is a regular file or a socket (not a link, not a FIFO
   * that would block) and belongs to root or to us.
   *
   * @param file the file as given
   * @param ownUid this process's uid
   * @param what the file's role, for the message ("log file")
   * @return the file's absolute path
   * @throws IOException if the file or its directory is not trusted
   */
  public static Path file(Path file, long ownUid, String what) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    if (abs.getParent() == null) {
      throw new IOException(what + " " + abs + " is not a file");
    }
    directory(abs.getParent(), ownUid);
    Map<String, Object> a = lstat(abs);
    if (a == null) {
      return abs;
    }
    int mode = (Integer) a.get("mode");
    if ((mode & S_IFMT) == S_IFLNK) {
      throw link(abs);
    }
    if ((mode & S_IFMT) != S_IFREG && (mode & S_IFMT) != S_IFSOCK) {
      throw new IOException(what + " " + abs + " is " + kind(mode) + ": refusing to write to it");
    }
    checkOwner(what + " " + abs, a, ownUid, "refusing to write to it");
    return abs;
  }

  /**
   * Checks a file whose content root acts on (the configuration, the CA certificates it names): it
   * belongs to root or to us, and neither group nor others may write it. Stricter than a directory
   * on the way: no group is trusted here, not even the macOS admin groups, since such a file has no
   * reason to be group-writable. A link is followed: what is checked is the file that will be read.
   *
   * @param f the file, which exists
   * @param ownUid this process's uid
   * @throws IOException if it is someone else's or others may write it; the message says what to run
   */
  public static void settingsFile(Path f, long ownUid) throws IOException {
    Map<String, Object> a = Files.readAttributes(f, "unix:mode,uid,gid");
    checkOwner(f.toString(), a, ownUid, "refusing it (run chown root " + f + ")");
    checkWrite(f, a, false, "refusing it (run chmod go-w " + f + ")");
  }

  /** @return a short name of the file's type, e.g. "a symbolic link" */
  static String kind(int mode) {
    switch (mode & S_IFMT) {
      case S_IFREG:
        return "a regular file";
      case S_IFDIR:
        return "a directory";
      case S_IFLNK:
        return "a symbolic link";
      case 0010000:
        return "a named pipe (FIFO)";
      case S_IFSOCK:
        return "a socket";
      default:
        return "a device or special file";
    }
  }

  /**
   * On macOS, {@code wheel} (0), {@code daemon} (1; {@code /var/run} is root:daemon 0775) and
   * {@code admin} (80; {@code /Library/Logs} is root:admin 0775): their members can become root
   * anyway. Elsewhere none: a group-writable directory is refused, as sshd's StrictModes does.
   *
   * @param platform the system
   * @return the gids whose write access is accepted on that system
   */
  static java.util.Set<Long> trustedGroups(Platform platform) {
    return platform == Platform.MACOS ? java.util.Set.of(0L, 1L, 80L) : java.util.Set.of();
  }

  /** @return {@code unix:mode}, {@code unix:uid} and {@code unix:gid} of the path itself, or null if it does not exist */
  static Map<String, Object> lstat(Path p) throws IOException {
    try {
      return Files.readAttributes(p, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  static IOException link(Path p) {
    return new IOException(p + " is a symbolic link: refusing to follow it (whoever made it would choose where"
        + " root writes)");
  }

  private static Path walk(Path path, long ownUid, String createMode, boolean strictLast) throws IOException {
    Path abs = path.toAbsolutePath().normalize();
    Path cur = abs.getRoot();
    int n = abs.getNameCount();
    check(cur, lstat(cur), ownUid, n == 0 && strictLast);
    for (int i = 0; i < n; i++) {
      boolean last = i == n - 1;
      Path next = cur.resolve(abs.getName(i).toString());
      Map<String, Object> a = lstat(next);
      if (a == null && createMode != null) {
        try {
          Files.createDirectory(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(createMode)));
        } catch (FileAlreadyExistsException raced) {
          // someone made it meanwhile: checked below like any other
        }
        a = lstat(next);
      }
      if (a == null) {
        throw new NoSuchFileException(next.toString(), null, "does not exist");
      }
      if (((Integer) a.get("mode") & S_IFMT) == S_IFLNK) {
        if (last || cur.getNameCount() != 0 || ((Number) a.get("uid")).longValue() != 0) {
          throw link(next);
        }
        next = walk(next.toRealPath(), ownUid, null, false); // the system's own link under /
        a = lstat(next);
      }
      check(next, a, ownUid, last && strictLast);
      cur = next;
    }
    return cur;
  }

  private static void check(Path p, Map<String, Object> a, long ownUid, boolean strict) throws IOException {
    int mode = (Integer) a.get("mode");
    if ((mode & S_IFMT) != S_IFDIR) {
      throw new IOException(p + " is " + kind(mode) + ", not a directory");
    }
    checkOwner(p.toString(), a, ownUid, "refusing to keep the helper's files where someone else can replace them");
    if (strict || (mode & STICKY) == 0) {
      checkWrite(p, a, true, "others could replace the helper's files; run chmod go-w " + p);
    }
  }

  /** Refuses what belongs to neither root nor us; {@code what} names it, {@code consequence} ends the message. */
  private static void checkOwner(String what, Map<String, Object> a, long ownUid, String consequence)
      throws IOException {
    long uid = ((Number) a.get("uid")).longValue();
    if (uid != 0 && uid != ownUid) {
      throw new IOException(what + " is owned by uid " + uid + ", another user: " + consequence);
    }
  }

  /** Refuses what group or others may write; {@code trustGroups}: the {@link #trustedGroups} may. */
  private static void checkWrite(Path p, Map<String, Object> a, boolean trustGroups, String consequence)
      throws IOException {
    int mode = (Integer) a.get("mode");
    boolean groupTrusted = trustGroups && trustedGroups.contains(((Number) a.get("gid")).longValue());
    if ((mode & (groupTrusted ? OTHERS_WRITE : GROUP_OR_OTHERS_WRITE)) != 0) {
      StringBuilder perms = new StringBuilder(9);
      for (int bit = 8; bit >= 0; bit--) {
        perms.append((mode & (1 << bit)) == 0 ? '-' : "rwx".charAt((8 - bit) % 3));
      }
      throw new IOException(p + " is writable by group or others (" + perms + "): " + consequence);
    }
  }
}
