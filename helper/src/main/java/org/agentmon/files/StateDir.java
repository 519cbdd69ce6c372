package org.agentmon.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The helper's state directory, the one way to open, read, replace and delete the files in it. The
 * directory and its ancestors are checked like sshd's StrictModes when it is opened and again
 * before every use, and it must still be the same directory (a swap for a link or another
 * directory is refused). A state file that is not a regular file (a planted link, a FIFO) is
 * refused, never followed; links are never followed on open.
 */
public final class StateDir {
  private static final Logger LOG = LoggerFactory.getLogger(StateDir.class);

  private final Path path;
  private final long ownUid;
  private final Object identity;

  private StateDir(Path path, long ownUid, Object identity) {
    this.path = path;
    this.ownUid = ownUid;
    this.identity = identity;
  }

  /**
   * Opens (creating it and its missing parents with mode 0700) the state directory and removes the
   * temp files of writes a kill interrupted.
   *
   * @param dir the directory as given
   * @param ownUid this process's uid
   * @return the directory
   * @throws IOException if it cannot be created or is not trusted (the message names the path)
   */
  public static StateDir open(Path dir, long ownUid) throws IOException {
    Path abs = PathTrust.createDirectory(dir, ownUid, "rwx------");
    StateDir d = new StateDir(abs, ownUid, identity(abs));
    int removed = AtomicFiles.removeLeftovers(abs);
    if (removed > 0) {
      LOG.info("removed {} temp file(s) that interrupted writes left in {}", removed, abs);
    }
    return d;
  }

  /**
   * {@link #open(Path, long)} for this process's own uid.
   *
   * @param dir the directory as given
   * @return the directory
   * @throws IOException if it cannot be created or is not trusted
   */
  public static StateDir open(Path dir) throws IOException {
    return open(dir, new com.sun.security.auth.module.UnixSystem().getUid());
  }

  /** @return the directory's absolute path, for messages and for reading by others */
  public Path path() {
    return path;
  }

  /**
   * @param name a file in the directory
   * @return whether it exists (as a regular file)
   * @throws IOException if it exists but is not a regular file, or the directory is no longer trusted
   */
  public boolean exists(String name) throws IOException {
    return regularOrAbsent(name) != null;
  }

  /**
   * Opens a state file without following a link; created files get mode 0600.
   *
   * @param name a file in the directory
   * @param options as for {@link FileChannel#open}
   * @return the channel
   * @throws IOException if the file is not a regular file, or the directory is no longer trusted
   */
  public FileChannel open(String name, OpenOption... options) throws IOException {
    Path f = regularOrAbsentPath(name);
    Set<OpenOption> opts = new HashSet<>(List.of(options));
    opts.add(LinkOption.NOFOLLOW_LINKS);
    return FileChannel.open(f, opts, AtomicFiles.OWNER_ONLY);
  }

  /**
   * @param name a file in the directory
   * @return its content
   * @throws java.nio.file.NoSuchFileException if it does not exist
   * @throws IOException if it is not a regular file or cannot be read
   */
  public byte[] read(String name) throws IOException {
    try (FileChannel ch = open(name, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE - 16) {
        throw new IOException(path.resolve(name) + " is too large (" + size + " bytes)");
      }
      ByteBuffer buf = ByteBuffer.allocate((int) size);
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // until full or the end
      }
      return java.util.Arrays.copyOf(buf.array(), buf.position());
    }
  }

  /**
   * @param name a file in the directory
   * @return its content as one trimmed line of ASCII, or null if it does not exist
   * @throws IOException if it is not a regular file or cannot be read
   */
  public String readLine(String name) throws IOException {
    if (!exists(name)) {
      return null;
    }
    return new String(read(name), StandardCharsets.US_ASCII).trim();
  }

  /**
   * Replaces a state file atomically (temp file, fsync, rename, fsync the directory), mode 0600.
   *
   * @param name a file in the directory
   * @param content the new content
   * @throws IOException if it could not be made durable; the old content is then still there
   */
  public void write(String name, byte[] content) throws IOException {
    replace(name, ch -> AtomicFiles.writeAll(ch, content));
  }

  /**
   * Replaces a state file atomically with what {@code writer} writes to the (empty) temp file.
   *
   * @param name a file in the directory
   * @param writer writes the new content
   * @throws IOException if it could not be made durable; the old content is then still there
   */
  public synchronized void replace(String name, ContentWriter writer) throws IOException {
    regularOrAbsentPath(name);
    AtomicFiles.replace(path, name, writer);
  }

  /**
   * Removes a state file if it exists, durably.
   *
   * @param name a file in the directory
   * @throws IOException if it is not a regular file or cannot be removed
   */
  public synchronized void delete(String name) throws IOException {
    regularOrAbsentPath(name);
    AtomicFiles.delete(path, name);
  }

  /**
   * Renames a state file whatever it is (an unusable one is kept for a look, not deleted).
   *
   * @param name a file in the directory
   * @param aside the new name
   * @throws IOException if it cannot be renamed
   */
  public synchronized void moveAside(String name, String aside) throws IOException {
    Files.move(checked(name), checked(aside), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Writes a file's new content. */
  @FunctionalInterface
  public interface ContentWriter {
    /**
     * @param ch the temp file, empty
     * @throws IOException if it cannot be written
     */
    void writeTo(FileChannel ch) throws IOException;
  }

  private Path regularOrAbsentPath(String name) throws IOException {
    Path f = checked(name);
    Map<String, Object> a = PathTrust.lstat(f);
    if (a != null && ((Integer) a.get("mode") & PathTrust.S_IFMT) != PathTrust.S_IFREG) {
      throw new IOException(f + " is " + PathTrust.kind((Integer) a.get("mode"))
          + ", not a regular file: refusing to use it (remove it and the helper writes a new one)");
    }
    return f;
  }

  private Path regularOrAbsent(String name) throws IOException {
    Path f = regularOrAbsentPath(name);
    return PathTrust.lstat(f) == null ? null : f;
  }

  /** Re-checks the directory before any use and resolves a plain file name in it. */
  private Path checked(String name) throws IOException {
    if (name.isEmpty() || name.contains("/") || ".".equals(name) || "..".equals(name)) {
      throw new IllegalArgumentException("not a file name: " + name);
    }
    PathTrust.directory(path, ownUid);
    if (!identity.equals(identity(path))) {
      throw new IOException("state directory " + path + " was replaced by another directory since the helper"
          + " started: refusing to use it; restart the helper");
    }
    return path.resolve(name);
  }

  private static Object identity(Path dir) throws IOException {
    Object key = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    return key != null ? key : dir; // no inode key on this platform: the path checks still apply
  }
}
