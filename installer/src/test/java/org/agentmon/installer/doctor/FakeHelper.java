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

  /** Built from JSON, so that fields the helper adds to {@link Status} later do not break this test. */
  static Status status(String state, int startsInLastHour, String reason) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("state", state);
    m.put("enabled", true);
    m.put("pid", 4242);
    m.put("instanceId", "fake-instance");
    m.put("version", Build.version());
    m.put("buildId", Build.buildId());
    m.put("protocolVersion", ProtocolVersion.CURRENT);
    m.put("socketSource", "inherited");
    m.put("supervisor", "launchd");
    m.put("clients", 1);
    m.put("lastExit", "exit 1");
    m.put("startsInLastHour", startsInLastHour);
    m.put("reason", reason);
    return Status.fromJson(m);
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
