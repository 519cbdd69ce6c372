package org.agentmon.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;

/**
 * The listening socket and where it came from. An inherited socket belongs to the supervisor and
 * is never closed: closing it would shut it down for every later instance.
 */
final class Listener {
  /** {@code socketSource} values in {@code status}. */
  static final String SYSTEMD = "systemd";
  /** launchd's {@code launch_activate_socket}. */
  static final String LAUNCHD = "launchd";
  static final String INHERITED = "inherited";
  static final String BOUND = "bound";

  private final AFUNIXServerSocketChannel channel;
  private final String source;
  private final Path path;
  private final FileChannel lock;
  /** Guarded by {@code this}: the socket file is removed once, by whichever exit path comes first. */
  private boolean released;

  Listener(AFUNIXServerSocketChannel channel, String source, Path path, FileChannel lock) {
    this.channel = channel;
    this.source = source;
    this.path = path;
    this.lock = lock;
  }

  AFUNIXServerSocketChannel channel() {
    return channel;
  }

  String source() {
    return source;
  }

  /** @return whether a supervisor holds the socket (it outlives this process) */
  boolean inherited() {
    return !BOUND.equals(source);
  }

  /** @return the path bound by this process, or null for an inherited socket */
  Path path() {
    return path;
  }

  /**
   * Closes and unlinks a socket this process bound; leaves an inherited one alone. Every exit path
   * calls it (normal end, start-up failure, uncaught error, signal); only the first call acts.
   */
  synchronized void release() {
    if (inherited() || released) {
      return;
    }
    released = true;
    try {
      channel.close();
    } catch (IOException e) {
      // exiting anyway: the file goes below
    }
    try {
      Files.deleteIfExists(path); // before the lock goes: no new helper can have bound here meanwhile
    } catch (IOException e) {
      // a stale file is replaced by the next own bind
    }
    try {
      lock.close();
    } catch (IOException e) {
      // released by the kernel at exit
    }
  }
}
