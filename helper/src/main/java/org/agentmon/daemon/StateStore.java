package org.agentmon.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.agentmon.files.StateDir;

/**
 * The helper's state directory. The enabled flag is a file, {@code enabled}, so that launchd's
 * {@code KeepAlive PathState} and a systemd path unit can watch the same fact the helper reads.
 * A fresh directory starts enabled; {@code stop} removes the flag, {@code start} writes it back.
 * Every file goes through {@link StateDir}: no link is followed, no untrusted directory used.
 */
final class StateStore {
  static final String ENABLED = "enabled";
  private static final String MARKER = "state-version";
  private static final String HOST_ID = "host-id";

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
    if (!d.exists(MARKER)) {
      // First start with this directory: enabled, as a freshly installed helper should be.
      d.write(ENABLED, "1\n".getBytes(StandardCharsets.US_ASCII));
      d.write(MARKER, "1\n".getBytes(StandardCharsets.US_ASCII));
    }
    return store;
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
    id = java.util.UUID.randomUUID().toString();
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
