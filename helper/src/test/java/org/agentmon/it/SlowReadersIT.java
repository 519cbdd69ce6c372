package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.agentmon.client.HelperClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocket;

/**
 * 1024 clients that subscribe or follow the event trail and never read, while every {@code start}
 * makes a status change and an event for each of them: the helper's memory (RSS, with the installed
 * launch flags) stays within 64 MiB of its idle value and comes back when the clients are gone.
 */
class SlowReadersIT {
  static final long MIB = 1024 * 1024;
  static final byte[] SUBSCRIBE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\"}\n"
      .getBytes(StandardCharsets.UTF_8);
  static final byte[] FOLLOW = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"events\",\"params\":{\"follow\":true}}\n"
      .getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  @Test
  void nonReadingFollowersCannotMakeTheHelperHoldTheirOutput() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs /proc/PID/status to read a process's RSS");
    List<AFUNIXSocket> clients = new ArrayList<>();
    try (HelperProcess h = new HelperProcess(dir).jvm(PerformanceBench.FLAGS).args("--max-connections", "1100")
        .start()) {
      long pid = h.process().pid();
      try (HelperClient warm = h.client()) {
        for (int i = 0; i < 2000; i++) {
          warm.status();
        }
      }
      HelperProcess.pause(1000);
      long idle = rss(pid);
      for (int i = 0; i < 1024; i++) {
        AFUNIXSocket s = HostileClientsIT.connect(h.socket);
        clients.add(s);
        s.getOutputStream().write(i % 2 == 0 ? SUBSCRIBE : FOLLOW);
      }
      AtomicBoolean driving = new AtomicBoolean(true);
      AtomicInteger starts = new AtomicInteger();
      List<Thread> drivers = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        Thread t = new Thread(() -> drive(h, driving, starts), "start-driver-" + i);
        t.setDaemon(true);
        t.start();
        drivers.add(t);
      }
      long peak = idle;
      long end = System.nanoTime() + 15_000_000_000L;
      while (System.nanoTime() - end < 0) {
        peak = Math.max(peak, rss(pid));
        HelperProcess.pause(100);
      }
      driving.set(false);
      for (Thread t : drivers) {
        t.join(15_000);
      }
      System.out.printf("slow readers: helper RSS idle %d MiB, peak %d MiB with 1024 non-readers and %d starts%n",
          idle / MIB, peak / MIB, starts.get());
      assertTrue(starts.get() >= 500, "too few status changes to mean anything: " + starts.get());
      assertTrue(peak - idle < 64 * MIB, "RSS went from " + idle / MIB + " to " + peak / MIB + " MiB");
      for (AFUNIXSocket s : clients) {
        s.close();
      }
      clients.clear();
      long after = rss(pid);
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (after - idle >= 16 * MIB && System.nanoTime() - deadline < 0) {
        HelperProcess.pause(250);
        after = rss(pid);
      }
      System.out.printf("slow readers: helper RSS %d MiB after the clients went%n", after / MIB);
      assertTrue(after - idle < 16 * MIB, "RSS stayed at " + after / MIB + " MiB (idle " + idle / MIB + " MiB)");
      assertTrue(h.process().isAlive(), h.log());
    } finally {
      for (AFUNIXSocket s : clients) {
        s.close();
      }
    }
  }

  /** Calls {@code start} in a loop: each one changes the status and appends an event. */
  private static void drive(HelperProcess h, AtomicBoolean driving, AtomicInteger starts) {
    while (driving.get()) {
      try (HelperClient c = h.client()) {
        while (driving.get()) {
          c.start();
          starts.incrementAndGet();
        }
      } catch (IOException e) {
        HelperProcess.pause(50); // a busy helper may refuse a moment; the assertions are about memory
      }
    }
  }

  static long rss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
      }
    }
    throw new IOException("no VmRSS in /proc/" + pid + "/status");
  }
}
