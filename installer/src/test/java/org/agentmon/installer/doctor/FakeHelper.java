package org.agentmon.installer.doctor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.agentmon.Build;
import org.agentmon.protocol.Hello;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.Messages;
import org.agentmon.protocol.ProtocolVersion;
import org.agentmon.protocol.Status;

/**
 * A stand-in helper on a real Unix socket that answers {@code hello} and {@code status} with a
 * given status: for states the real helper cannot be driven into from a test (safe mode after
 * a crash loop). The real {@code HelperClient} talks to it.
 */
final class FakeHelper implements AutoCloseable {
  private final ServerSocketChannel server;
  private final Path socket;

  FakeHelper(Path socket, Status status) throws IOException {
    this.socket = socket;
    Files.createDirectories(socket.getParent());
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    Thread t = new Thread(() -> serve(status), "fake-helper");
    t.setDaemon(true);
    t.start();
  }

  static Status status(String state, int startsInLastHour, String reason) {
    return new Status(state, true, 4242, "fake-instance", Build.version(), Build.buildId(), ProtocolVersion.CURRENT,
        "2026-01-01T00:00:00Z", "inherited", "launchd", 1, null, "exit 1", startsInLastHour, reason, null);
  }

  private void serve(Status status) {
    while (server.isOpen()) {
      try (SocketChannel ch = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
        OutputStream out = Channels.newOutputStream(ch);
        for (String line; (line = in.readLine()) != null; ) {
          Map<?, ?> req = (Map<?, ?>) Json.parse(line);
          Object id = req.get("id");
          Object result = "hello".equals(req.get("method"))
              ? new Hello(status.version(), status.buildId(), ProtocolVersion.CURRENT, status.pid(), status.instanceId()).toJson()
              : status.toJson();
          out.write(Messages.result(id, result));
          out.flush();
        }
      } catch (IOException | RuntimeException e) {
        // Connection over (or the server closed): serve the next one.
      }
    }
  }

  /** @return whether it still accepts connections */
  boolean open() {
    return server.isOpen();
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
  }
}
