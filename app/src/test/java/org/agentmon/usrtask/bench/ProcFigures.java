package org.agentmon.usrtask.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux says about a process: CPU time used so far and resident memory. */
final class ProcFigures {
  /** {@code getconf CLK_TCK}: 100 on every Linux this runs on. */
  static final double TICKS_PER_SECOND = 100;

  private ProcFigures() {}

  /** @return user + system CPU seconds of the process so far ({@code /proc/PID/stat} utime + stime) */
  static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND; // fields 14 and 15
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
