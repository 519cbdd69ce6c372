package org.agentmon.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Many connections from one separate process, so that they can come from another uid (run under
 * {@code setpriv}). {@code hold N LINE} opens N connections one after the other, sends LINE on each,
 * reads its first answer and keeps them all open, never reading again; {@code flood N SECONDS} holds N
 * plain connections and then connects and hangs up as fast as it can. Either prints one report line
 * ({@code held=.. refused=.. failed=.. connects=.. refusal=..}) and exits when its stdin closes.
 */
final class Crowd implements AutoCloseable {
  private final Process process;
  private final String report;

  private Crowd(Process process, String report) {
    this.process = process;
    this.report = report;
  }

  /** Starts a crowd under {@code prefix} and waits (up to 2 minutes) for its report. */
  static Crowd start(List<String> prefix, Path socket, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(List.of(Jar.java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp",
        ownClasses() + java.io.File.pathSeparator + Jar.path(), Crowd.class.getName(), socket.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    try {
      line = CompletableFuture.supplyAsync(() -> readReport(r)).get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      p.destroyForcibly();
      throw e;
    }
    if (line == null || !line.startsWith("held=")) {
      p.destroyForcibly();
      throw new IOException("the crowd process did not report: " + line);
    }
    return new Crowd(p, line);
  }

  /** @return the value of {@code name} in the report, e.g. {@code held} */
  String get(String name) {
    String key = " " + name + "=";
    String text = " " + report;
    int at = text.indexOf(key);
    if (at < 0) {
      throw new IllegalStateException(name + " is not in " + report);
    }
    int from = at + key.length();
    int to = "refusal".equals(name) ? text.length() : text.indexOf(' ', from);
    return text.substring(from, to < 0 ? text.length() : to);
  }

  int count(String name) {
    return Integer.parseInt(get(name));
  }

  String report() {
    return report;
  }

  @Override
  public void close() throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // it is going anyway
    }
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static String readReport(BufferedReader r) {
    try {
      StringBuilder other = new StringBuilder();
      for (String l; (l = r.readLine()) != null; ) {
        if (l.startsWith("held=")) {
          return l;
        }
        other.append(l).append('\n');
      }
      return other.toString();
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String ownClasses() throws URISyntaxException {
    return Path.of(Crowd.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /** The crowd process: {@code SOCKET hold N LINE} or {@code SOCKET flood N SECONDS}. */
  public static void main(String[] args) throws IOException {
    Path socket = Path.of(args[0]);
    int n = Integer.parseInt(args[2]);
    boolean flood = "flood".equals(args[1]);
    byte[] line = ((flood ? "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}" : args[3]) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    List<AFUNIXSocket> held = new ArrayList<>();
    int refused = 0;
    int failed = 0;
    String refusal = "";
    for (int i = 0; i < n; i++) {
      AFUNIXSocket s = AFUNIXSocket.newInstance();
      try {
        s.connect(AFUNIXSocketAddress.of(socket));
        s.setSoTimeout(10_000);
        s.getOutputStream().write(line);
        String answer = firstLine(s.getInputStream());
        if (answer.contains("\"result\"")) {
          held.add(s);
          continue;
        }
        refused++;
        refusal = refusal.isEmpty() ? answer : refusal;
      } catch (IOException e) {
        failed++;
      }
      s.close();
    }
    long connects = 0;
    if (flood) {
      long end = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
      while (System.nanoTime() - end < 0) {
        try (AFUNIXSocket s = AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(socket))) {
          connects++;
        } catch (IOException e) {
          failed++;
        }
      }
    }
    System.out.println("held=" + held.size() + " refused=" + refused + " failed=" + failed + " connects=" + connects
        + " refusal=" + refusal);
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold the connections until the test closes our stdin
    }
    for (AFUNIXSocket s : held) {
      s.close();
    }
  }

  private static String firstLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    try {
      for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
        sb.append((char) b);
      }
    } catch (SocketTimeoutException e) {
      throw new IOException("no answer within 10 s", e);
    }
    return sb.toString();
  }
}
