package org.agentmon.bench;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * The bench's baselines: {@code serve PATH} is a raw junixsocket line echo (a thread per
 * connection); {@code once} takes the listening socket a supervisor passes on stdin, answers one
 * line and exits (the floor of our stack's cold start).
 */
final class EchoServer {
  private EchoServer() {}

  public static void main(String[] args) throws IOException {
    if ("once".equals(args[0])) {
      AFUNIXServerSocket server = FileDescriptorCast.using(FileDescriptor.in).as(AFUNIXServerSocket.class);
      try (Socket s = server.accept()) {
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
        s.getOutputStream().write("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n".getBytes(StandardCharsets.UTF_8));
      }
      Runtime.getRuntime().halt(0); // never close the supervisor's socket
    }
    AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
    server.bind(AFUNIXSocketAddress.of(Path.of(args[1])));
    while (true) {
      Socket s = server.accept();
      Thread t = new Thread(() -> echo(s));
      t.setDaemon(true);
      t.start();
    }
  }

  private static void echo(Socket s) {
    try (s) {
      byte[] buf = new byte[8192];
      OutputStream out = s.getOutputStream();
      int n;
      while ((n = s.getInputStream().read(buf)) > 0) {
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      // the client went away
    }
  }
}
