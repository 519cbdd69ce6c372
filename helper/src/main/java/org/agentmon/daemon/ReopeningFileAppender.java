package org.agentmon.daemon;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The helper's log file, reopened when a rotator replaced it: newsyslog (macOS) and logrotate
 * rename the file and create a new one, which a plain appender never sees, so it would write into
 * the rotated copy until the next start. At most every {@link #CHECK_MILLIS} it compares the
 * file behind the path with the one it holds open, and opens the new one (made private first).
 */
final class ReopeningFileAppender extends FileAppender<ILoggingEvent> {
  static final long CHECK_MILLIS = 10_000;

  private final long adminGid;
  private final LongSupplier clock;
  /** Guarded by {@code streamWriteLock}. */
  private Object openedKey;
  /** Guarded by {@code streamWriteLock}. */
  private long nextCheck;

  ReopeningFileAppender(long adminGid, LongSupplier clock) {
    this.adminGid = adminGid;
    this.clock = clock;
  }

  @Override
  public void start() {
    super.start();
    openedKey = key();
    nextCheck = clock.getAsLong() + CHECK_MILLIS;
  }

  @Override
  protected void subAppend(ILoggingEvent event) {
    streamWriteLock.lock();
    try {
      long now = clock.getAsLong();
      if (now >= nextCheck) {
        nextCheck = now + CHECK_MILLIS;
        reopenIfReplaced();
      }
    } finally {
      streamWriteLock.unlock();
    }
    super.subAppend(event);
  }

  private void reopenIfReplaced() {
    Object now = key();
    if (now != null && Objects.equals(now, openedKey)) {
      return;
    }
    try {
      LogSetup.makePrivate(Path.of(getFile()), adminGid); // creates it (0640/0600) when the rotator did not
      openFile(getFile());
      openedKey = key();
    } catch (IOException e) {
      addError("cannot reopen the log file " + getFile() + " after rotation", e);
    }
  }

  /** @return the identity (device and inode) of the file behind the path, or null when there is none */
  private Object key() {
    try {
      return Files.readAttributes(Path.of(getFile()), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return openedKey; // cannot tell: keep writing where we are
    }
  }
}
