package org.agentmon.usrtask.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What Linux says about a process: CPU time used so far and resident memory. */
final class ProcFigures {
  /** {@code getconf CLK_TCK}: 100 on every Linux this runs on. */
  static final double TICKS_PER_SECOND = 100;

  private ProcFigures() {}

  /**
   * The CPU time a process used between two readings. Each reading holds every thread's run time to the
   * nanosecond ({@code /proc/PID/task/TID/schedstat}) and the process's utime + stime in 10 ms ticks
   * ({@code /proc/PID/stat}). An idle app uses a few ticks a minute, so ticks alone put two equal
   * processes up to 20 % apart; the threads' own clocks do not. A thread that ended between the
   * readings takes its time with it, so then the ticks count (they include ended threads).
   */
  record CpuReading(Map<String, Long> threadNanos, Map<String, String> threadNames, long ticks) {
    static CpuReading of(long pid) throws IOException {
      Map<String, Long> threads = new HashMap<>();
      Map<String, String> names = new HashMap<>();
      try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
        for (Path task : tasks) {
          try {
            String schedstat = Files.readString(task.resolve("schedstat"));
            String tid = task.getFileName().toString();
            threads.put(tid, Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
            names.put(tid, Files.readString(task.resolve("comm")).trim());
          } catch (NoSuchFileException ended) {
            // a thread that ended while the directory was read: the ticks below still hold its time
          }
        }
      }
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new CpuReading(threads, names, Long.parseLong(f[11]) + Long.parseLong(f[12])); // fields 14 and 15
    }

    /**
     * @return the threads that used the most CPU since {@code before}, e.g. {@code JavaFX Applicat 61 ms,
     *     VM Thread 12 ms}: where an idle app's time goes
     */
    String busiest(CpuReading before, int n) {
      return threadNanos.entrySet().stream()
          .map(t -> Map.entry(threadNames.get(t.getKey()),
              t.getValue() - before.threadNanos.getOrDefault(t.getKey(), 0L)))
          .filter(t -> t.getValue() > 0)
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(n)
          .map(t -> t.getKey() + " " + t.getValue() / 1_000_000 + " ms")
          .collect(java.util.stream.Collectors.joining(", "));
    }

    /** @return CPU seconds used since {@code before} */
    double secondsSince(CpuReading before) {
      double byTicks = (ticks - before.ticks) / TICKS_PER_SECOND;
      if (!threadNanos.keySet().containsAll(before.threadNanos.keySet())) {
        return byTicks; // a thread ended
      }
      long nanos = 0;
      for (Map.Entry<String, Long> t : threadNanos.entrySet()) {
        nanos += t.getValue() - before.threadNanos.getOrDefault(t.getKey(), 0L);
      }
      double exact = nanos / 1e9;
      // A thread that began and ended between the readings shows only in the ticks.
      return byTicks - exact > 5 / TICKS_PER_SECOND ? byTicks : exact;
    }
  }

  /** @return the resident set in MiB ({@code /proc/PID/status} VmRSS) */
  static double rssMiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IOException("no VmRSS for " + pid);
  }
}
