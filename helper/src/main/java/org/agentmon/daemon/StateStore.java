package org.agentmon.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.agentmon.upstream.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The helper's state directory. The enabled flag is a file, {@code enabled}, so that launchd's
 * {@code KeepAlive PathState} and a systemd path unit can watch the same fact the helper reads.
 * A fresh directory starts enabled; {@code stop} removes the flag, {@code start} writes it back.
 * {@code state-version} says which layout the directory has; a directory the helper has used keeps
 * its flag's meaning even when that file is lost or unreadable (a lost marker once re-enabled a
 * stopped helper).
 */
final class StateStore {
  static final String ENABLED = "enabled";
  private static final String MARKER = "state-version";
  private static final String VERSION = "1";
  private static final String HOST_ID = "host-id";
  /** Files a helper run leaves (the installer writes only the flag): any of them means the directory was used. */
  private static final List<String> USED = List.of(RunHistory.FILE, EventLog.FILE, HOST_ID);
  private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

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
    store.checkVersion();
    return store;
  }

  /**
   * Marks a fresh directory enabled, as a freshly installed helper should be. In a used one the
   * flag stays as it is: a missing marker is written back, an unknown one is left for whoever wrote it.
   */
  private void checkVersion() throws IOException {
    Path marker = dir.resolve(MARKER);
    if (Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
      if (!VERSION.equals(readMarker(marker))) {
        LOG.warn("{} says an unknown version (not {}); keeping the enabled flag as it is on disk ({})", marker,
            VERSION, enabled() ? "enabled" : "disabled");
      }
      return;
    }
    boolean fresh = USED.stream().noneMatch(f -> Files.exists(dir.resolve(f), LinkOption.NOFOLLOW_LINKS));
    if (fresh) {
      AtomicFiles.write(dir.resolve(ENABLED), "1\n".getBytes(StandardCharsets.US_ASCII));
    } else {
      LOG.warn("{} is missing in a used state directory; keeping the enabled flag as it is on disk ({})", marker,
          enabled() ? "enabled" : "disabled");
    }
    AtomicFiles.write(marker, (VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  /** @return the marker's version, or null when it cannot be read or is too long to be one */
  private static String readMarker(Path marker) {
    try {
      return Files.size(marker) > 64 ? null : Files.readString(marker, StandardCharsets.ISO_8859_1).trim();
    } catch (IOException e) {
      return null;
    }
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
