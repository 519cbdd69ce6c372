package org.agentmon.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** One request line over a bare junixsocket socket, without HelperClient: the baselines' client. */
final class RawLines {
  static final byte[] LINE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}\n".getBytes(StandardCharsets.UTF_8);
  private static final ThreadLocal<byte[]> BUF = ThreadLocal.withInitial(() -> new byte[8192]);

  private RawLines() {}

  static AFUNIXSocket connect(Path sock) throws IOException {
    AFUNIXSocket s = AFUNIXSocket.newInstance();
    s.connect(AFUNIXSocketAddress.of(sock));
    return s;
  }

  /** Sends {@link #LINE} to an echo server and reads it back. */
  static void echoOnce(AFUNIXSocket s) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(LINE);
    InputStream in = s.getInputStream();
    byte[] buf = BUF.get();
    int got = 0;
    while (got < LINE.length) {
      int n = in.read(buf, got, LINE.length - got);
      if (n < 0) {
        throw new IOException("echo closed");
      }
      got += n;
    }
  }

  /** Sends one status request and reads the answer line. */
  static void statusOnce(AFUNIXSocket s) throws IOException {
    s.getOutputStream().write(LINE);
    InputStream in = s.getInputStream();
    byte[] buf = BUF.get();
    while (true) {
      int n = in.read(buf);
      if (n < 0 || buf[n - 1] == '\n') {
        return; // one request in flight: the answer ends the read
      }
    }
  }

  /** Sends one status request and reads up to the first newline, byte by byte (a cold start's first answer). */
  static void firstAnswer(AFUNIXSocket s) throws IOException {
    s.getOutputStream().write(LINE);
    s.setSoTimeout(30_000);
    InputStream in = s.getInputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      // read the first answer
    }
  }
}
