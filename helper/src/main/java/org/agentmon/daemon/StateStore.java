package org.agentmon.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.files.StateDir;
import org.agentmon.platform.RandomIds;
import org.agentmon.upstream.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The helper's state directory. The enabled flag is a file, {@code enabled}, so that launchd's
 * {@code KeepAlive PathState} and a systemd path unit can watch the same fact the helper reads.
 * A fresh directory starts enabled; {@code stop} removes the flag, {@code start} writes it back.
 * Every file goes through {@link StateDir}: no link is followed, no untrusted directory used.
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

  private final StateDir dir;

  private StateStore(StateDir dir) {
    this.dir = dir;
  }

  /**
   * Opens (and on first use creates, mode 0700) the state directory, refusing one that another
   * user owns or that others may write, or that is reached through a symbolic link, and refusing
   * a flag file that is not a regular file.
   */
  static StateStore open(Path dir, long ownUid) throws IOException {
    StateDir d = StateDir.open(dir, ownUid);
    StateStore store = new StateStore(d);
    d.exists(ENABLED); // a planted link or FIFO in place of the flag is refused now, at start
    store.checkVersion();
    return store;
  }

  /**
   * Marks a fresh directory enabled, as a freshly installed helper should be. In a used one the
   * flag stays as it is: a missing marker is written back, an unknown one is left for whoever wrote it.
   */
  private void checkVersion() throws IOException {
    Path marker = dir.path().resolve(MARKER);
    if (dir.exists(MARKER)) {
      if (!VERSION.equals(readMarker())) {
        LOG.warn("{} says an unknown version (not {}); keeping the enabled flag as it is on disk ({})", marker,
            VERSION, enabled() ? "enabled" : "disabled");
      }
      return;
    }
    boolean fresh = true;
    for (String f : USED) {
      fresh &= !dir.exists(f);
    }
    if (fresh) {
      dir.write(ENABLED, "1\n".getBytes(StandardCharsets.US_ASCII));
    } else {
      LOG.warn("{} is missing in a used state directory; keeping the enabled flag as it is on disk ({})", marker,
          enabled() ? "enabled" : "disabled");
    }
    dir.write(MARKER, (VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  /** @return the marker's version, or null when it cannot be read or is too long to be one */
  private String readMarker() {
    try (java.nio.channels.FileChannel ch = dir.open(MARKER, java.nio.file.StandardOpenOption.READ)) {
      return ch.size() > 64 ? null : new String(dir.read(MARKER), StandardCharsets.ISO_8859_1).trim();
    } catch (IOException e) {
      return null;
    }
  }

  /** @return the directory's path, for messages and for what only reads it */
  Path dir() {
    return dir.path();
  }

  /** @return the directory, through which every state file is opened */
  StateDir files() {
    return dir;
  }

  boolean enabled() throws IOException {
    return dir.exists(ENABLED);
  }

  /**
   * The machine's stable id for the upstream server: generated once, then kept in {@code host-id}.
   */
  String hostId() throws IOException {
    String id = dir.readLine(HOST_ID);
    if (id != null && !id.isEmpty()) {
      return id;
    }
    id = RandomIds.uuid().toString();
    dir.write(HOST_ID, (id + "\n").getBytes(StandardCharsets.US_ASCII));
    return id;
  }

  /** Persists the flag; throws if it could not be made durable, so the caller must not acknowledge. */
  void setEnabled(boolean on) throws IOException {
    if (on) {
      dir.write(ENABLED, "1\n".getBytes(StandardCharsets.US_ASCII));
    } else {
      dir.delete(ENABLED);
    }
  }
}
