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
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.HostileLoad;
import org.agentmon.it.fixtures.Jar;
import org.agentmon.it.fixtures.RawClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXSocket;

/**
 * 1024 clients that subscribe or follow the event trail and never read: each also asks for pages of
 * events it never reads, while {@code start} calls keep changing the status and adding events for all
 * of them. The helper's memory (RSS, with the installed launch flags) stays within 64 MiB of its idle
 * value and comes back near it when the clients are gone.
 */
class SlowReadersIT {
  static final long MIB = 1024 * 1024;
  static final String SUBSCRIBE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\"}\n";
  static final String FOLLOW = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"events\",\"params\":{\"follow\":true}}\n";
  static final String PAGE = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"events\",\"params\":{\"limit\":1000}}\n";
  /** Output each client asks for and never reads: more than the kernel buffers, less than its own cap. */
  static final long UNREAD_PER_CLIENT = 400 * 1024;
  /** "Back near idle": the heap keeps what it touched up to its initial size, native memory a little. */
  static final long NEAR_IDLE = 24 * MIB;

  @TempDir
  Path dir;

  @Test
  void nonReadingFollowersCannotMakeTheHelperHoldTheirOutput() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs /proc/PID/status to read a process's RSS");
    List<AFUNIXSocket> clients = new ArrayList<>();
    AtomicBoolean driving = new AtomicBoolean(true);
    AtomicInteger starts = new AtomicInteger();
    List<Thread> drivers = new ArrayList<>();
    try (HelperProcess h = new HelperProcess(dir).jvm(Jar.launchFlags()).args("--max-connections", "1100")
        .start()) {
      long pid = h.process().pid();
      for (int i = 0; i < 2; i++) {
        Thread t = new Thread(() -> drive(h, driving, starts), "start-driver-" + i);
        t.setDaemon(true);
        t.start();
        drivers.add(t);
      }
      long seedEnd = System.nanoTime() + 20_000_000_000L;
      while (starts.get() < 150 && System.nanoTime() - seedEnd < 0) {
        HelperProcess.pause(50); // events to page through
      }
      HelperProcess.pause(1000);
      long idle = rss(pid);
      int pageBytes;
      try (RawClient probe = new RawClient(h.socket)) {
        pageBytes = probe.send(PAGE).readLine().length();
      }
      String request = (SUBSCRIBE + PAGE.repeat((int) (UNREAD_PER_CLIENT / pageBytes + 1)));
      for (int i = 0; i < 1024; i++) {
        AFUNIXSocket s = HostileLoad.connect(h.socket);
        clients.add(s);
        s.getOutputStream().write((i % 2 == 0 ? request : request.replace(SUBSCRIBE, FOLLOW))
            .getBytes(StandardCharsets.UTF_8));
      }
      long peak = idle;
      long end = System.nanoTime() + 15_000_000_000L;
      while (System.nanoTime() - end < 0) {
        peak = Math.max(peak, rss(pid));
        HelperProcess.pause(100);
      }
      int changes = starts.get();
      System.out.printf("slow readers: helper RSS idle %d MiB, peak %d MiB with 1024 non-readers (%d-byte pages) "
          + "and %d starts%n", idle / MIB, peak / MIB, pageBytes, changes);
      assertTrue(pageBytes > 10_000, "too few events to page through: " + pageBytes + " bytes");
      assertTrue(peak - idle < 64 * MIB, "RSS went from " + idle / MIB + " to " + peak / MIB + " MiB");
      for (AFUNIXSocket s : clients) {
        s.close();
      }
      clients.clear();
      long after = rss(pid);
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (after - idle >= NEAR_IDLE && System.nanoTime() - deadline < 0) {
        HelperProcess.pause(250);
        after = rss(pid);
      }
      System.out.printf("slow readers: helper RSS %d MiB after the clients went%n", after / MIB);
      assertTrue(after - idle < NEAR_IDLE, "RSS stayed at " + after / MIB + " MiB (idle " + idle / MIB + " MiB)");
      assertTrue(h.process().isAlive(), h.log());
    } finally {
      driving.set(false);
      for (Thread t : drivers) {
        t.join(15_000);
      }
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
