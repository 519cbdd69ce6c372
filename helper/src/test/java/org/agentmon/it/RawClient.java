package org.agentmon.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.agentmon.protocol.Json;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** A bare socket that writes any bytes and reads answers line by line, with a timeout. */
final class RawClient implements AutoCloseable {
  private final AFUNIXSocket socket;
  private final InputStream in;
  private final OutputStream out;

  RawClient(Path path) throws IOException {
    socket = AFUNIXSocket.newInstance();
    socket.connect(AFUNIXSocketAddress.of(path));
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
  }

  RawClient send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  RawClient send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Reads one line and decodes it as a JSON object. */
  Map<?, ?> readObject() throws IOException {
    String line = readLine();
    if (line == null) {
      throw new IOException("EOF instead of an answer");
    }
    return (Map<?, ?>) Json.parse(line);
  }

  /** @return the next line, or null at EOF */
  String readLine() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        return buf.toString(StandardCharsets.UTF_8);
      }
      buf.write(b);
    }
    return buf.size() == 0 ? null : buf.toString(StandardCharsets.UTF_8);
  }

  /** @return true if the helper closed the connection (EOF or reset) within the timeout */
  boolean closedByPeer(int timeoutMillis) throws IOException {
    if (socket.isClosed()) {
      // junixsocket closes our end itself when a write of ours hits EPIPE: the peer closed first.
      return true;
    }
    try {
      socket.setSoTimeout(timeoutMillis);
    } catch (java.net.SocketException closedMeanwhile) {
      return socket.isClosed(); // the same EPIPE, from a writer thread, between the check and here
    }
    try {
      while (true) {
        if (readLine() == null) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  void timeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  static Map<?, ?> call(Path socket, String line) throws IOException {
    try (RawClient c = new RawClient(socket)) {
      return c.send(line + "\n").readObject();
    }
  }

  static int errorCode(Map<?, ?> response) {
    Object err = response.get("error");
    if (!(err instanceof Map)) {
      throw new AssertionError("expected an error, got " + response);
    }
    return ((Number) ((Map<?, ?>) err).get("code")).intValue();
  }

  static Map<?, ?> result(Map<?, ?> response) {
    Object r = response.get("result");
    if (!(r instanceof Map)) {
      throw new AssertionError("expected a result object, got " + response);
    }
    return (Map<?, ?>) r;
  }
}
