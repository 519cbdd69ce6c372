package org.agentmon.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The helper's state directory. The enabled flag is a file, {@code enabled}, so that launchd's
 * {@code KeepAlive PathState} and a systemd path unit can watch the same fact the helper reads.
 * A fresh directory starts enabled; {@code stop} removes the flag, {@code start} writes it back.
 */
final class StateStore {
  static final String ENABLED = "enabled";
  private static final String MARKER = "state-version";
  private static final String HOST_ID = "host-id";

  private final Path dir;

  private StateStore(Path dir) {
    this.dir = dir;
  }

  /**
   * Opens (and on first use creates, mode 0700) the state directory, refusing one that another
   * user owns or that others may write.
   */
  static StateStore open(Path dir, long ownUid) throws IOException {
    Path abs = dir.toAbsolutePath();
    if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(abs, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("state directory " + abs + " is not a directory");
    }
    long owner = ((Number) Files.getAttribute(abs, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    if (owner != ownUid && owner != 0) {
      throw new IOException("state directory " + abs + " is owned by uid " + owner + ", not by uid " + ownUid
          + " or root: refusing to trust it");
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(abs, LinkOption.NOFOLLOW_LINKS);
    if (perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new IOException("state directory " + abs + " is writable by group or others ("
          + PosixFilePermissions.toString(perms) + "): run chmod go-w " + abs);
    }
    StateStore store = new StateStore(abs);
    if (!Files.exists(abs.resolve(MARKER))) {
      // First start with this directory: enabled, as a freshly installed helper should be.
      AtomicFiles.write(abs.resolve(ENABLED), "1\n".getBytes(StandardCharsets.US_ASCII));
      AtomicFiles.write(abs.resolve(MARKER), "1\n".getBytes(StandardCharsets.US_ASCII));
    }
    return store;
  }

  Path dir() {
    return dir;
  }

  boolean enabled() {
    return Files.exists(dir.resolve(ENABLED));
  }

  /**
   * The machine's stable id for the upstream server: generated once, then kept in {@code host-id}.
   */
  String hostId() throws IOException {
    Path f = dir.resolve(HOST_ID);
    if (Files.exists(f)) {
      String id = Files.readString(f, StandardCharsets.US_ASCII).trim();
      if (!id.isEmpty()) {
        return id;
      }
    }
    String id = java.util.UUID.randomUUID().toString();
    AtomicFiles.write(f, (id + "\n").getBytes(StandardCharsets.US_ASCII));
    return id;
  }

  /** Persists the flag; throws if it could not be made durable, so the caller must not acknowledge. */
  void setEnabled(boolean on) throws IOException {
    if (on) {
      AtomicFiles.write(dir.resolve(ENABLED), "1\n".getBytes(StandardCharsets.US_ASCII));
    } else {
      AtomicFiles.delete(dir.resolve(ENABLED));
    }
  }
}
