package org.agentmon.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The server loop in this process on a temporary socket, built the way {@link Startup} builds it:
 * core first, then a routing table whose handlers use the core, then the loop on its own thread.
 */
final class InProcessServer implements AutoCloseable {
  private final AFUNIXServerSocketChannel channel;
  final ServerCore core;
  /** The loop's exit, once it ends. */
  final CompletableFuture<Exit> ended;

  /** Binds {@code sock} and starts serving the table that {@code table} makes from the core. */
  InProcessServer(Path sock, Function<ServerCore, Dispatcher> table) throws IOException {
    channel = AFUNIXServerSocketChannel.open();
    channel.bind(AFUNIXSocketAddress.of(sock));
    channel.configureBlocking(false);
    core = new ServerCore(channel, new HelperState(Listener.BOUND, Supervisor.NONE.wire, true), Limits.DEFAULT,
        IdleWatch.NONE);
    Server server = new Server(core, new Authorizer(Identity.ownUid(), AdminGroup.resolve(null)), table.apply(core));
    ended = CompletableFuture.supplyAsync(() -> {
      try {
        return server.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** @return one line read from {@code in}, without its newline */
  static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new IOException("EOF after \"" + buf + "\"");
      }
      buf.write(b);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
