package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.RawClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A helper out of file descriptors (accept fails with EMFILE while clients wait in the backlog)
 * pauses accepting instead of spinning on the still-readable listener, keeps serving the clients it
 * has, and accepts again once descriptors are free.
 */
class OutOfFileDescriptorsIT {
  private static final int FD_LIMIT = 160;
  private static final String STATUS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}\n";
  /** Clock ticks per second in /proc/PID/stat (USER_HZ; 100 on every Linux we run on). */
  private static final double TICKS = 100;

  @TempDir Path dir;

  @Test
  void atEmfileTheHelperIdlesServesItsClientsAndRecovers() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "needs prlimit (util-linux)");
    List<RawClient> crowd = new ArrayList<>();
    try (HelperProcess h = new HelperProcess(dir).prefix("/usr/bin/prlimit", "--nofile=" + FD_LIMIT + ":" + FD_LIMIT)
        .start(); RawClient kept = new RawClient(h.socket)) {
      kept.send(STATUS).readObject(); // connected and served before the crowd
      long pid = h.process().pid();
      int room = FD_LIMIT - openFds(pid);
      for (int i = 0; i < room + 40; i++) { // the backlog (1024) holds those the helper cannot take
        crowd.add(new RawClient(h.socket));
      }
      UpstreamIT.awaitTrue(() -> h.log().contains("accept failed"), Duration.ofSeconds(20), h);
      double before = cpuSeconds(pid);
      long start = System.nanoTime();
      HelperProcess.pause(3000);
      double used = cpuSeconds(pid) - before;
      double wall = (System.nanoTime() - start) / 1e9;
      assertTrue(used < 0.25, "out of descriptors the helper used " + used + " s of CPU in " + wall + " s");
      assertEquals("running", RawClient.result(kept.send(STATUS).readObject()).get("state"),
          "a client it already has is still served");
      for (RawClient c : crowd) {
        c.close();
      }
      crowd.clear();
      UpstreamIT.awaitTrue(() -> openFds(pid) < FD_LIMIT - 20, Duration.ofSeconds(20), h); // the crowd's connections are reaped
      try (RawClient late = new RawClient(h.socket)) {
        assertEquals("running", RawClient.result(late.send(STATUS).readObject()).get("state"),
            "after the crowd a new client is accepted again");
      }
    } finally {
      for (RawClient c : crowd) {
        c.close();
      }
    }
  }

  private static int openFds(long pid) {
    try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      return (int) fds.count();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc/" + pid + "/fd", e);
    }
  }

  /** @return user + system CPU time of the process so far, from /proc/PID/stat (fields 14 and 15) */
  private static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS; // fields 14, 15 counted from the state (3)
  }
}
