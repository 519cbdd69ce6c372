package org.agentmon.usrtask.single;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The per-user lock socket. The first instance binds it and answers one-line messages; a later
 * launch finds it answering, sends its message and exits. A file lock next to the socket makes
 * "is anyone there? else bind" one step, so two launches at once cannot both win; a socket file
 * nobody answers on (a crashed instance) is replaced.
 */
public final class InstanceLock implements AutoCloseable {
  /** Asks the running instance to show its status window. */
  public static final String SHOW = "show";
  /** Asks the running instance to exit, for a relaunch that replaces it. */
  public static final String QUIT = "quit";

  private final Path socket;
  private final ServerSocketChannel server;
  private volatile Consumer<String> onMessage = m -> { };

  private InstanceLock(Path socket, ServerSocketChannel server) {
    this.socket = socket;
    this.server = server;
    Thread t = new Thread(this::serve, "agentmon-instance-lock");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Becomes the running instance, or hands {@code message} to the one that already is.
   *
   * @param socket the per-user lock socket
   * @param message what to tell a running instance
   * @return the lock when this is now the only instance; empty when another one took the message
   * @throws IOException if the socket can be neither reached nor bound
   */
  public static Optional<InstanceLock> acquireOrSend(Path socket, String message) throws IOException {
    Files.createDirectories(socket.getParent());
    try (FileChannel f = FileChannel.open(socket.resolveSibling(socket.getFileName() + ".lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = f.lock()) {
      if (send(socket, message)) {
        return Optional.empty();
      }
      Files.deleteIfExists(socket); // nobody answers: left behind by an instance that crashed
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket));
      return Optional.of(new InstanceLock(socket, server));
    }
  }

  /**
   * Takes the lock over from a running instance: asks it to quit, then waits for the lock.
   *
   * @param socket the per-user lock socket
   * @param timeout how long the old instance may take to exit
   * @return the lock
   * @throws IOException if the old instance does not let go in time
   */
  public static InstanceLock replace(Path socket, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<InstanceLock> lock = acquireOrSend(socket, QUIT);
      if (lock.isPresent()) {
        return lock.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IOException("the running AgentMon app did not exit within " + timeout.toSeconds() + " s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while replacing the running AgentMon app");
      }
    }
  }

  /**
   * Sends one message to the running instance.
   *
   * @param socket the per-user lock socket
   * @param message the message
   * @return whether an instance answered
   */
  public static boolean send(Path socket, String message) {
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      ch.write(ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8)));
      ByteBuffer answer = ByteBuffer.allocate(16);
      ch.read(answer); // "ok\n" once the owner took it; only sequencing matters
      return true;
    } catch (IOException nobody) {
      return false;
    }
  }

  /** @param handler gets each message, on the lock's thread */
  public void onMessage(Consumer<String> handler) {
    this.onMessage = handler;
  }

  /** @return the lock socket */
  public Path socket() {
    return socket;
  }

  @Override
  public void close() {
    try {
      server.close();
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      // The next launch replaces a socket nobody answers on.
    }
  }

  private void serve() {
    while (server.isOpen()) {
      try (SocketChannel ch = server.accept()) {
        ByteBuffer in = ByteBuffer.allocate(64);
        while (in.hasRemaining() && ch.read(in) > 0 && in.get(in.position() - 1) != '\n') {
          // one short line
        }
        String message = new String(in.array(), 0, in.position(), StandardCharsets.UTF_8).strip();
        ch.write(ByteBuffer.wrap("ok\n".getBytes(StandardCharsets.UTF_8)));
        onMessage.accept(message);
      } catch (IOException e) {
        if (!server.isOpen()) {
          return;
        }
      }
    }
  }
}
