package org.agentmon.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.agentmon.files.PathTrust;
import org.agentmon.protocol.SocketPathLimit;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Binds our own socket (development and standalone use) without ever taking a path from another
 * helper or from another user: the parent directory must be ours or root's and not writable by
 * others; a helper that answers keeps its socket; a stale file is replaced only after a failed
 * connect; a lock file beside the socket keeps two starting helpers from racing.
 */
final class OwnBind {
  private static final long LOCK_WAIT_MS = 5_000;

  private OwnBind() {}

  static Listener bind(Path socket) throws StartupException {
    Path path = socket.toAbsolutePath().normalize();
    long ownUid = Identity.ownUid();
    try {
      SocketPathLimit.check(path);
      checkPath(path, ownUid);
      if (answers(path)) {
        throw new StartupException("a helper already answers on " + path
            + ": it keeps running; use `agentmon restart --socket " + path + "` or stop it first");
      }
      FileChannel lock = lock(path);
      try {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
          if (!Fds.isSocketFile(path)) {
            throw new StartupException(path + " exists and is not a socket: refusing to replace it");
          }
          if (answers(path)) {
            throw new StartupException("a helper already answers on " + path + ": it keeps running");
          }
          Files.delete(path); // stale: nobody accepts on it any more
        }
        AFUNIXServerSocketChannel ch = AFUNIXServerSocketChannel.open();
        ch.bind(AFUNIXSocketAddress.of(path), 1024);
        ch.setDeleteOnClose(false); // Listener.release() unlinks, once, on our terms
        // Access is decided by peer credentials, not by file modes.
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
        ch.configureBlocking(false);
        return new Listener(ch, Listener.BOUND, path, lock);
      } catch (StartupException | IOException | RuntimeException e) {
        lock.close();
        throw e;
      }
    } catch (IOException e) {
      throw new StartupException("cannot bind " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates the socket's directory (0755) if needed and refuses a path that someone else could
   * redirect: checked like sshd's StrictModes, no symbolic link in it (see {@link PathTrust}).
   */
  static void checkPath(Path socket, long ownUid) throws StartupException {
    try {
      PathTrust.createDirectory(socket.getParent(), ownUid, "rwxr-xr-x");
      PathTrust.file(socket, ownUid, "socket");
    } catch (IOException e) {
      throw new StartupException("--socket " + socket + ": " + e.getMessage(), e);
    }
  }

  /** @return whether something accepts a connection on {@code path} */
  static boolean answers(Path path) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try (AFUNIXSocket s = AFUNIXSocket.newInstance()) {
      s.connect(AFUNIXSocketAddress.of(path), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static FileChannel lock(Path socket) throws IOException, StartupException {
    Path lockPath = socket.resolveSibling(socket.getFileName() + ".lock");
    FileChannel ch = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        LinkOption.NOFOLLOW_LINKS);
    long deadline = System.currentTimeMillis() + LOCK_WAIT_MS;
    while (true) {
      FileLock l = ch.tryLock();
      if (l != null) {
        return ch;
      }
      if (System.currentTimeMillis() > deadline) {
        ch.close();
        throw new StartupException("another helper holds " + lockPath + " and is starting or stopping on "
            + socket + ": try again in a moment");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ch.close();
        throw new StartupException("interrupted while waiting for " + lockPath);
      }
    }
  }
}
