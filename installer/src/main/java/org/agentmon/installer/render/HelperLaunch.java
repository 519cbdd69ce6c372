package org.agentmon.installer.render;

import java.util.ArrayList;
import java.util.List;

/**
 * How a supervisor starts the helper: the bundled runtime's {@code java}, the JVM flags, the jar
 * and the {@code daemon} verb. The flags live here only, so the plist, the unit and the start-up
 * benchmark measure the same process.
 */
public final class HelperLaunch {
  /**
   * JVM flags for the helper, exactly those the bench measured (the helper's
   * {@code org/agentmon/helper-jvm-flags.txt}; a test keeps them equal). Cold start matters more
   * than throughput: the serial collector and C1 only start fastest; {@code -Xshare:auto} uses the
   * JDK's CDS archive. Idle footprint: no perf-data sampling, a small young generation (RSS), and
   * the JVM's monitor-deflation and safepoint housekeeping every 5 s instead of every 0.25/1 s
   * (idle CPU under 0.05 s per minute).
   */
  public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-Xshare:auto", "-XX:-UsePerfData", "-Xms16m", "-Xmn4m", "-XX:+UnlockDiagnosticVMOptions",
      "-XX:GuaranteedSafepointInterval=5000", "-XX:AsyncDeflationInterval=5000");

  private HelperLaunch() {}

  /**
   * @param layout where the product is installed
   * @return the helper's full argv, program first
   */
  public static List<String> programArguments(Layout layout) {
    List<String> argv = new ArrayList<>();
    argv.add(layout.java());
    argv.addAll(JVM_FLAGS);
    if (layout.helperErrorFile() != null) {
      argv.add("-XX:ErrorFile=" + layout.helperErrorFile()); // else the JVM writes it into the working directory
    }
    argv.add("-jar");
    argv.add(layout.helperJar());
    argv.add("daemon");
    argv.add("--state-dir");
    argv.add(layout.stateDir());
    if (layout.logDir() != null) {
      argv.add("--log-file");
      argv.add(layout.helperLogFile());
    }
    return List.copyOf(argv);
  }
}
