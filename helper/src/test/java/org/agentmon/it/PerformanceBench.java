package org.agentmon.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.agentmon.client.HelperClient;
import org.agentmon.platform.HelperCommand;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The bench ({@code ./mvnw -B -Pbench -pl helper verify}): seven figures, each beside a baseline
 * measured in the same run, printed as one table and written to {@code target/bench/results.json}.
 * Plain timed loops with warm-up; processes are real and run with the installed launch flags.
 */
class PerformanceBench {
  /** The helper's launch flags: the installed job's, from their one reader. */
  static final List<String> FLAGS = HelperCommand.jvmFlags();
  static final byte[] LINE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}\n".getBytes(StandardCharsets.UTF_8);

  /** One row: figure, baseline, ratio and the target. */
  record Row(String name, double figure, String unit, String baselineName, double baseline, String target,
      boolean met) {
    double ratio() {
      return baseline == 0 ? Double.NaN : figure / baseline;
    }
  }

  @TempDir
  Path dir;
  private final List<Row> rows = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();

  @Test
  void bench() throws Exception {
    try {
      HelperProcess idle = new HelperProcess(dir.resolve("idle")).jvm(FLAGS).start();
      Process idleEcho = echoServer(dir.resolve("idle-echo.sock"));
      long idleStart = System.nanoTime();
      double[] cpu0 = {cpuSeconds(idle.process().pid()), cpuSeconds(idleEcho.pid())};

      try (HelperProcess h = new HelperProcess(dir.resolve("rt")).jvm(FLAGS).start()) {
        Path echo = dir.resolve("echo.sock");
        echoServer(echo);
        roundTrip(h, echo);
        throughput(h, echo);
        double[] cold = coldStart();
        commandStatus(h, cold[1]);
        restartGap(cold[0]);
      }
      fanOut();
      long left = 60_000 - (System.nanoTime() - idleStart) / 1_000_000;
      if (left > 0) {
        HelperProcess.pause(left);
      }
      double minutes = (System.nanoTime() - idleStart) / 60e9;
      double cpuHelper = (cpuSeconds(idle.process().pid()) - cpu0[0]) / minutes;
      double cpuEcho = (cpuSeconds(idleEcho.pid()) - cpu0[1]) / minutes;
      double rss = rssMib(idle.process().pid());
      double rssEcho = rssMib(idleEcho.pid());
      rows.add(new Row("5a idle RSS after 60 s", rss, "MiB", "echo server RSS", rssEcho, "<= 64 MiB", rss <= 64));
      rows.add(new Row("5b idle CPU per minute", cpuHelper, "s", "echo server CPU/min", cpuEcho, "<= 0.05 s",
          cpuHelper <= 0.05));
      idle.close();
      report();
    } finally {
      // SIGTERM first: a supervisor ends its helper on SIGTERM, a SIGKILL would orphan it.
      for (Process p : processes) {
        p.destroy();
        p.waitFor(10, TimeUnit.SECONDS);
        p.destroyForcibly();
      }
    }
  }

  private void roundTrip(HelperProcess h, Path echo) throws IOException {
    Latencies helper = new Latencies();
    Latencies raw = new Latencies();
    try (HelperClient c = h.client(); AFUNIXSocket s = connect(echo)) {
      for (int round = 0; round < 2; round++) { // the first round is the warm-up
        helper = new Latencies();
        raw = new Latencies();
        for (int i = 0; i < 5000; i++) {
          long t0 = System.nanoTime();
          c.status();
          helper.add(System.nanoTime() - t0);
          t0 = System.nanoTime();
          echoOnce(s);
          raw.add(System.nanoTime() - t0);
        }
      }
    }
    Latencies rawStatus = new Latencies();
    try (AFUNIXSocket s = connect(h.socket)) {
      for (int i = 0; i < 10_000; i++) {
        long t0 = System.nanoTime();
        statusOnce(s);
        if (i >= 5000) {
          rawStatus.add(System.nanoTime() - t0);
        }
      }
    }
    rows.add(new Row("1c raw status line (no HelperClient) p50", rawStatus.percentileMillis(50), "ms", "raw echo p50",
        raw.percentileMillis(50), "(diagnostic)", true));
    double p50 = helper.percentileMillis(50);
    rows.add(new Row("1a status round trip p50", p50, "ms", "raw echo p50", raw.percentileMillis(50), "<= 2x",
        p50 <= 2 * raw.percentileMillis(50)));
    rows.add(new Row("1b status round trip p99", helper.percentileMillis(99), "ms", "raw echo p99",
        raw.percentileMillis(99), "(reported)", true));
  }

  private void throughput(HelperProcess h, Path echo) throws Exception {
    double helper = 0;
    double raw = 0;
    for (int round = 0; round < 2; round++) { // warm-up, then measured
      helper = perSecond(8, 3000, () -> {
        HelperClient c = h.client();
        return () -> c.status();
      });
      raw = perSecond(8, 3000, () -> {
        AFUNIXSocket s = connect(echo);
        return () -> echoOnce(s);
      });
    }
    rows.add(new Row("2 throughput, 8 clients", helper, "req/s", "raw echo, 8 clients", raw, ">= 0.5x",
        helper >= 0.5 * raw));
  }

  /** Median cold start of the helper and of the floor, each under the launchd-like supervisor. */
  private double[] coldStart() throws Exception {
    Path jar = Jar.path();
    String cp = System.getProperty("bench.testClasses", "target/test-classes") + ":" + jar;
    List<String> helperCmd = new ArrayList<>(List.of(Jar.java()));
    helperCmd.addAll(FLAGS);
    helperCmd.addAll(List.of("-jar", jar.toString(), "daemon", "--state-dir", dir.resolve("cold-state").toString(),
        "--log-file", dir.resolve("cold.log").toString()));
    List<String> floorCmd = new ArrayList<>(List.of(Jar.java()));
    floorCmd.addAll(FLAGS);
    floorCmd.addAll(List.of("-cp", cp, EchoServer.class.getName(), "once"));
    List<String> helloCmd = new ArrayList<>(List.of(Jar.java()));
    helloCmd.addAll(FLAGS);
    helloCmd.addAll(List.of("-cp", System.getProperty("bench.testClasses", "target/test-classes"),
        HelloWorld.class.getName()));

    double helper = median(7, () -> coldOnce(dir.resolve("cold-helper.sock"), helperCmd, true));
    double floor = median(7, () -> coldOnce(dir.resolve("cold-floor.sock"), floorCmd, false));
    double hello = median(7, () -> timed(helloCmd));
    rows.add(new Row("3a cold start to first status", helper, "ms", "junixsocket floor", floor, "<= 2x",
        helper <= 2 * floor));
    // What a dynamic AppCDS archive of the helper's own classes would bring (made here, from this jar).
    Path jsa = dir.resolve("helper.jsa");
    List<String> quiet = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");
    List<String> dump = new ArrayList<>(helperCmd);
    dump.addAll(1, quiet);
    dump.add(1, "-XX:ArchiveClassesAtExit=" + jsa);
    coldOnce(dir.resolve("cds-dump.sock"), dump, true);
    for (int i = 0; i < 100 && !Files.exists(jsa); i++) {
      HelperProcess.pause(100);
    }
    if (Files.exists(jsa)) {
      List<String> withCds = new ArrayList<>(helperCmd);
      withCds.addAll(1, quiet);
      withCds.add(1, "-XX:SharedArchiveFile=" + jsa);
      double cds = median(7, () -> coldOnce(dir.resolve("cold-cds.sock"), withCds, true));
      rows.add(new Row("3c same, + AppCDS archive (not shipped)", cds, "ms", "junixsocket floor", floor, "<= 2x",
          cds <= 2 * floor));
    }
    rows.add(new Row("3b cold start vs hello-world", helper, "ms", "JVM hello-world", hello, "(reported)", true));
    return new double[] {helper, floor};
  }

  private void commandStatus(HelperProcess h, double floor) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Jar.java()));
    cmd.addAll(FLAGS);
    cmd.addAll(List.of("-jar", Jar.path().toString(), "status", "--socket", h.socket.toString()));
    double ms = median(7, () -> timed(cmd));
    rows.add(new Row("4 `agentmon status` command", ms, "ms", "junixsocket floor", floor, "<= 2x", ms <= 2 * floor));
  }

  private void restartGap(double coldStart) throws Exception {
    Path sock = dir.resolve("gap.sock");
    List<String> cmd = new ArrayList<>(List.of(Jar.java()));
    cmd.addAll(FLAGS);
    cmd.addAll(List.of("-jar", Jar.path().toString(), "daemon", "--state-dir", dir.resolve("gap-state").toString(),
        "--log-file", dir.resolve("gap.log").toString(), "--crash-loop-starts", "1000"));
    supervise(sock, cmd);
    double[] gaps = new double[3];
    int failures = 0;
    try (Hammer hammer = new Hammer(sock, 4)) {
      for (int i = 0; i < gaps.length; i++) {
        HelperProcess.pause(1500);
        String before;
        try (HelperClient c = HelperClient.connect(sock, Duration.ofSeconds(20))) {
          before = c.status().instanceId();
          long t0 = System.nanoTime();
          c.restart();
          while (true) {
            try (HelperClient p = HelperClient.connect(sock, Duration.ofSeconds(20))) {
              Status s = p.status();
              if (!s.instanceId().equals(before) && s.state() != RunState.STOPPING) {
                break;
              }
            } catch (IOException e) {
              // between instances
            }
            HelperProcess.pause(5);
          }
          gaps[i] = (System.nanoTime() - t0) / 1e6;
        }
      }
      hammer.close();
      failures = hammer.failures.get();
    }
    Arrays.sort(gaps);
    double gap = gaps[1];
    rows.add(new Row("7a restart gap (median of 3)", gap, "ms", "helper cold start (3a) + 100 ms", coldStart + 100,
        "<= cold start + 100 ms", gap <= coldStart + 100));
    rows.add(new Row("7b failed requests during restarts", failures, "", "(none allowed)", 0, "0", failures == 0));
  }

  private void fanOut() throws Exception {
    try (HelperProcess h = new HelperProcess(dir.resolve("fan")).jvm(FLAGS).start()) {
      double one = fanOutOnce(h, 1).get(0);
      double rssBefore = rssMib(h.process().pid());
      List<Double> all = fanOutOnce(h, 1000);
      double rssAfter = rssMib(h.process().pid());
      double p99 = all.get((int) Math.ceil(0.99 * all.size()) - 1);
      rows.add(new Row("6a fan-out to 1,000, p99", p99, "ms", "1 subscriber", one, "<= 100 ms", p99 <= 100));
      rows.add(new Row("6b fan-out RSS growth", rssAfter - rssBefore, "MiB", "RSS before", rssBefore, "<= 32 MiB",
          rssAfter - rssBefore <= 32));
    }
  }

  /** Subscribes {@code n} clients, makes one change, returns each one's delay in ms, sorted. */
  private static List<Double> fanOutOnce(HelperProcess h, int n) throws Exception {
    List<HelperClient> subs = new ArrayList<>();
    AtomicLong t0 = new AtomicLong(Long.MAX_VALUE);
    long[] arrived = new long[n];
    CountDownLatch all = new CountDownLatch(n);
    try {
      for (int i = 0; i < n; i++) {
        int k = i;
        HelperClient c = HelperClient.connect(h.socket, Duration.ofSeconds(10));
        subs.add(c);
        c.subscribe(s -> {
          long now = System.nanoTime();
          if (now > t0.get() && arrived[k] == 0) {
            arrived[k] = now;
            all.countDown();
          }
        });
      }
      HelperProcess.pause(1000); // let the notifications of the connect burst pass
      try (HelperClient admin = h.client()) {
        t0.set(System.nanoTime());
        admin.start();
      }
      if (!all.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError(all.getCount() + " subscribers never got the change");
      }
      List<Double> ms = new ArrayList<>();
      for (long a : arrived) {
        ms.add((a - t0.get()) / 1e6);
      }
      ms.sort(null);
      return ms;
    } finally {
      subs.forEach(HelperClient::close);
    }
  }

  private double coldOnce(Path sock, List<String> cmd, boolean terminate) throws Exception {
    Process sup = supervise(sock, cmd);
    try (AFUNIXSocket s = AFUNIXSocket.newInstance()) {
      long t0 = System.nanoTime();
      s.connect(AFUNIXSocketAddress.of(sock));
      s.getOutputStream().write(LINE);
      s.setSoTimeout(30_000);
      InputStream in = s.getInputStream();
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        // read the first answer
      }
      return (System.nanoTime() - t0) / 1e6;
    } finally {
      sup.destroy();
      sup.waitFor(10, TimeUnit.SECONDS);
      processes.remove(sup);
      if (terminate) {
        HelperProcess.pause(200);
      }
    }
  }

  /** Starts the launchd-like supervisor holding {@code sock} around {@code cmd}; the child starts on demand. */
  private Process supervise(Path sock, List<String> cmd) throws IOException {
    Path script = dir.resolve("launchd_like_supervisor.py");
    if (!Files.exists(script)) {
      try (InputStream in = PerformanceBench.class.getResourceAsStream("/launchd_like_supervisor.py")) {
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.deleteIfExists(sock);
    List<String> full = new ArrayList<>(List.of("python3", script.toString(), sock.toString(),
        dir.resolve(sock.getFileName() + ".events").toString(), "0.05", "--"));
    full.addAll(cmd);
    Process p = new ProcessBuilder(full).redirectErrorStream(true)
        .redirectOutput(dir.resolve(sock.getFileName() + ".out").toFile()).start();
    processes.add(p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(sock) && System.nanoTime() < deadline) {
      HelperProcess.pause(10);
    }
    return p;
  }

  private Process echoServer(Path sock) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Jar.java()));
    cmd.addAll(FLAGS);
    cmd.addAll(List.of("-cp", System.getProperty("bench.testClasses", "target/test-classes") + ":" + Jar.path(),
        EchoServer.class.getName(), "serve", sock.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    processes.add(p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(sock) && System.nanoTime() < deadline) {
      HelperProcess.pause(10);
    }
    return p;
  }

  private static double timed(List<String> cmd) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("failed: " + cmd);
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  static AFUNIXSocket connect(Path sock) throws IOException {
    AFUNIXSocket s = AFUNIXSocket.newInstance();
    s.connect(AFUNIXSocketAddress.of(sock));
    return s;
  }

  private static final ThreadLocal<byte[]> BUF = ThreadLocal.withInitial(() -> new byte[LINE.length]);

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
    byte[] buf = new byte[8192];
    while (true) {
      int n = in.read(buf);
      if (n < 0 || buf[n - 1] == '\n') {
        return; // one request in flight: the answer ends the read
      }
    }
  }

  /** A call to repeat. */
  interface Call {
    void run() throws IOException;
  }

  /** Makes a per-thread {@link Call}. */
  interface CallFactory {
    Call open() throws IOException;
  }

  /** A measured figure. */
  interface Sample {
    double take() throws Exception;
  }

  private static double perSecond(int threads, long millis, CallFactory factory) throws Exception {
    AtomicLong count = new AtomicLong();
    List<Thread> ts = new ArrayList<>();
    long end = System.nanoTime() + millis * 1_000_000;
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      calls.add(factory.open());
    }
    long t0 = System.nanoTime();
    for (Call call : calls) {
      Thread t = new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            call.run();
            count.incrementAndGet();
          }
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      });
      ts.add(t);
      t.start();
    }
    for (Thread t : ts) {
      t.join();
    }
    return count.get() / ((System.nanoTime() - t0) / 1e9);
  }

  private static double median(int n, Sample s) throws Exception {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = s.take();
    }
    Arrays.sort(v);
    return v[n / 2];
  }

  static double rssMib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }

  /** utime + stime of a process in seconds (Linux, 100 ticks per second). */
  static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  private void report() throws IOException {
    StringBuilder table = new StringBuilder();
    table.append(String.format("| %-42s | %12s | %-32s | %10s | %7s | %-22s | %-4s |%n", "measurement", "figure",
        "baseline (same run)", "baseline", "ratio", "target", "met"));
    table.append("|").append("-".repeat(44)).append("|").append("-".repeat(14)).append("|").append("-".repeat(34))
        .append("|").append("-".repeat(12)).append("|").append("-".repeat(9)).append("|").append("-".repeat(24))
        .append("|").append("-".repeat(6)).append("|\n");
    StringBuilder json = new StringBuilder("{\"machine\":").append(quote(Machine.describe())).append(",\"rows\":[");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      table.append(String.format("| %-42s | %12s | %-32s | %10s | %7s | %-22s | %-4s |%n", r.name(),
          fmt(r.figure()) + " " + r.unit(), r.baselineName(), fmt(r.baseline()), fmt(r.ratio()), r.target(),
          r.met() ? "yes" : "NO"));
      json.append(i == 0 ? "" : ",").append(String.format(
          "{\"name\":%s,\"figure\":%s,\"unit\":%s,\"baselineName\":%s,\"baseline\":%s,\"ratio\":%s,"
              + "\"target\":%s,\"met\":%s}", quote(r.name()), num(r.figure()), quote(r.unit()),
          quote(r.baselineName()), num(r.baseline()), num(r.ratio()), quote(r.target()), r.met()));
    }
    json.append("]}\n");
    Path out = Path.of(System.getProperty("bench.out", "target/bench"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("results.json"), json.toString());
    Files.writeString(out.resolve("results.md"), table.toString());
    System.out.println("\n" + Machine.describe() + "\n" + table);
  }

  static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return Math.abs(v) >= 100 ? String.format("%.0f", v) : String.format("%.3g", v);
  }

  static String num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.valueOf(v);
  }

  static String quote(String s) {
    return FrameGen.quote(s);
  }

  /** The machine the figures come from. */
  static final class Machine {
    private Machine() {}

    static String describe() {
      String cpu = "unknown CPU";
      try {
        cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
            .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
      } catch (IOException e) {
        // keep "unknown"
      }
      return String.format("%s, %d cores, %s %s, Java %s (%s)", cpu, Runtime.getRuntime().availableProcessors(),
          System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
          System.getProperty("java.vm.name"));
    }
  }

}
