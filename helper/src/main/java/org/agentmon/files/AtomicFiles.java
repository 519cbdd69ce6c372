package org.agentmon.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces files so that a crash at any moment leaves either the old or the new content, never a
 * torn file: temp file in the same directory, fsync, rename, fsync the directory. The temp file's
 * name is fixed per target and process ({@code .NAME.PID.tmp}), so a process killed mid-write
 * leaves at most one per file, and {@link #removeLeftovers} clears those of dead processes. The one
 * atomic writer of the project: the state directory, the installer's files and the app's login item
 * all go through it.
 */
public final class AtomicFiles {
  /** Our temp files, and those of older versions ({@code .NAME.RANDOM.tmp}, which never matches a live pid). */
  private static final Pattern TEMP = Pattern.compile("\\.(.+)\\.(\\d{1,19})\\.tmp");
  private static final long PID = ProcessHandle.current().pid();
  static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private AtomicFiles() {}

  /** What runs on the finished temp file just before the rename, e.g. setting its mode and owner. */
  @FunctionalInterface
  public interface BeforeRename {
    /**
     * @param tmp the temp file, written and synced
     * @throws IOException to abandon the write: the temp file is removed, the target left as it was
     */
    void accept(Path tmp) throws IOException;
  }

  /**
   * Replaces {@code file} with {@code content}, mode 0600 unless {@code beforeRename} changes it. The
   * temp file is created without following a link, and the temp files of this file that dead
   * processes left are removed first.
   *
   * @param file the file to replace; its directory must exist
   * @param content the new content
   * @param beforeRename runs on the temp file before the rename
   * @throws IOException if any step fails; a failed rename is a {@link java.nio.file.FileSystemException}
   *     naming the temp file and the target. The target is then unchanged and no temp file is left.
   */
  public static void write(Path file, byte[] content, BeforeRename beforeRename) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    String name = file.getFileName().toString();
    removeLeftovers(dir, name);
    replace(dir, name, ch -> writeAll(ch, content), beforeRename);
  }

  /**
   * {@link #write(Path, byte[], BeforeRename)} with mode 0600.
   *
   * @param file the file to replace; its directory must exist
   * @param content the new content
   * @throws IOException if any step fails; the target is then unchanged
   */
  public static void write(Path file, byte[] content) throws IOException {
    write(file, content, tmp -> { });
  }

  /** Replaces {@code dir/name} with what {@code content} writes, mode 0600. */
  static void replace(Path dir, String name, StateDir.ContentWriter content) throws IOException {
    replace(dir, name, content, tmp -> { });
  }

  private static void replace(Path dir, String name, StateDir.ContentWriter content, BeforeRename beforeRename)
      throws IOException {
    Path tmp = tempOf(dir, name);
    Files.deleteIfExists(tmp); // ours from a write that failed; unlinks a link itself, never its target
    try {
      try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS), OWNER_ONLY)) {
        content.writeTo(ch);
        ch.force(true);
      }
      beforeRename.accept(tmp);
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    syncDirectory(dir);
  }

  /** Removes {@code dir/name} if it exists, durably. */
  static void delete(Path dir, String name) throws IOException {
    if (Files.deleteIfExists(dir.resolve(name))) {
      syncDirectory(dir);
    }
  }

  /**
   * Removes the temp files that processes killed mid-write left in {@code dir} (a live process's
   * are its own business).
   *
   * @return how many were removed
   */
  static int removeLeftovers(Path dir) throws IOException {
    return removeLeftovers(dir, null);
  }

  /** Like {@link #removeLeftovers(Path)}, only those of {@code name} when it is not null. */
  private static int removeLeftovers(Path dir, String name) throws IOException {
    int n = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        Matcher m = TEMP.matcher(p.getFileName().toString());
        if (m.matches() && (name == null || m.group(1).equals(name)) && !writerAlive(m.group(2))
            && Files.deleteIfExists(p)) {
          n++;
        }
      }
    }
    if (n > 0) {
      syncDirectory(dir);
    }
    return n;
  }

  static Path tempOf(Path dir, String name) {
    return dir.resolve("." + name + "." + PID + ".tmp");
  }

  static void writeAll(FileChannel ch, byte[] bytes) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  private static boolean writerAlive(String digits) {
    long pid;
    try {
      pid = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return false; // a random suffix of an older version
    }
    // Our own pid here is a dead process's that we reuse: nothing of ours is in flight at start.
    return pid != PID && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void syncDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
