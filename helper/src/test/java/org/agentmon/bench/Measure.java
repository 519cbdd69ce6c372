package org.agentmon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Timing and /proc readings the figure groups share. */
final class Measure {
  private Measure() {}

  /** A measured figure. */
  interface Sample {
    double take() throws Exception;
  }

  /** The median of {@code n} samples. */
  static double median(int n, Sample s) throws Exception {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = s.take();
    }
    Arrays.sort(v);
    return v[n / 2];
  }

  /** Runs {@code cmd} to its end (it must exit 0); the wall time in ms. */
  static double timed(List<String> cmd) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("failed: " + cmd);
    }
    return (System.nanoTime() - t0) / 1e6;
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
}
