package org.agentmon.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A state file that holds only whole lines and grows by appends that are durable or undone: a torn
 * last line is cut off when the file is loaded, and what a failed append left is cut back before
 * anything else is written, so no line is ever glued to a partial one. One process writes it,
 * under a lock file held for the life of the process. Not thread-safe: its owner guards it.
 */
public final class LineFile {
  private static final Logger LOG = LoggerFactory.getLogger(LineFile.class);

  private final StateDir dir;
  private final String name;
  private FileChannel out;
  /** Held for the life of the process: one writer per file (a replaced helper may still be exiting). */
  @SuppressWarnings("unused") // referenced only so that the lock stays held
  private final FileChannel lockChannel;
  /** The length of the file's whole, durable lines: a failed append is cut back to it. */
  private long length;
  /** A failed append may have left part of a line after {@code length}. */
  private boolean tailDirty;
  private int cutOff;

  private LineFile(StateDir dir, String name, FileChannel lockChannel) {
    this.dir = dir;
    this.name = name;
    this.lockChannel = lockChannel;
  }

  /**
   * Takes the lock file, waiting up to {@code lockWaitMillis} for another process to let go (then
   * goes on without it, logging that), and returns the file, not yet loaded.
   *
   * @param dir the state directory
   * @param name the file's name in it
   * @param lockName the lock file's name in it
   * @param lockWaitMillis how long to wait for the lock
   * @return the file
   * @throws IOException if the lock file cannot be opened
   */
  public static LineFile lock(StateDir dir, String name, String lockName, long lockWaitMillis) throws IOException {
    return new LineFile(dir, name, takeLock(dir, lockName, lockWaitMillis, dir.path().resolve(name)));
  }

  /** @return the file's path, for messages */
  public Path path() {
    return dir.path().resolve(name);
  }

  /**
   * Reads the file (creating it empty if it does not exist) and cuts off a torn last line, durably.
   *
   * @return the bytes of its whole lines, each with its terminator
   * @throws IOException if it cannot be read, created or cut, or is not a regular file
   */
  public byte[] load() throws IOException {
    if (!dir.exists(name)) {
      dir.open(name, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
      return new byte[0];
    }
    byte[] all = dir.read(name);
    int whole = all.length;
    while (whole > 0 && all[whole - 1] != '\n') {
      whole--;
    }
    length = whole;
    cutOff = all.length - whole;
    if (cutOff > 0) {
      try (FileChannel ch = dir.open(name, StandardOpenOption.WRITE)) {
        ch.truncate(whole);
        ch.force(true);
      }
      return java.util.Arrays.copyOf(all, whole);
    }
    return all;
  }

  /** @return how many bytes of a torn last line {@link #load} cut off, 0 if none */
  public int cutOff() {
    return cutOff;
  }

  /** @return the length of the file's whole lines, in bytes */
  public long length() {
    return length;
  }

  /**
   * Appends whole lines and fsyncs them, or cuts the file back to what it was and throws.
   *
   * @param lines each with its terminator
   * @throws IOException if they could not all be made durable; the file then holds what it held
   *     (or the rest is cut back before the next append)
   */
  public void append(List<byte[]> lines) throws IOException {
    try {
      if (out == null) {
        out = dir.open(name, StandardOpenOption.WRITE, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
      }
      if (tailDirty) {
        cutTail();
      }
      long n = 0;
      for (byte[] b : lines) {
        AtomicFiles.writeAll(out, b);
        n += b.length;
      }
      out.force(false);
      length += n;
    } catch (IOException e) {
      if (out == null) {
        throw e; // not even opened: nothing was written
      }
      tailDirty = true;
      try {
        cutTail();
      } catch (IOException again) {
        LOG.warn("{}: cannot cut a failed append back yet ({}); trying again before the next",
            path(), again.getMessage());
      }
      throw e;
    }
  }

  /**
   * Replaces the whole file atomically with {@code lines}.
   *
   * @param lines the new content, each with its terminator
   * @throws IOException if it could not be made durable; the old content is then still there
   */
  public void replace(Iterable<byte[]> lines) throws IOException {
    long[] written = {0};
    dir.replace(name, ch -> {
      for (byte[] b : lines) {
        AtomicFiles.writeAll(ch, b);
        written[0] += b.length;
      }
    });
    if (out != null) {
      out.close(); // the old file's: the next append opens the new one
      out = null;
    }
    length = written[0];
    tailDirty = false;
  }

  /** Removes what a failed append may have left after the last whole line, durably. */
  private void cutTail() throws IOException {
    if (out.size() != length) {
      out.truncate(length);
      out.force(true);
    }
    tailDirty = false;
  }

  private static FileChannel takeLock(StateDir dir, String lockName, long waitMillis, Path file) throws IOException {
    FileChannel ch = dir.open(lockName, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long deadline = System.nanoTime() + waitMillis * 1_000_000;
    while (true) {
      try {
        if (ch.tryLock() != null) {
          return ch;
        }
      } catch (OverlappingFileLockException e) {
        return ch; // this process holds it already (a test opening the file twice)
      }
      if (System.nanoTime() - deadline > 0) {
        LOG.warn("{} is still locked by another process; going on without the lock", file);
        return ch;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return ch;
      }
    }
  }
}
