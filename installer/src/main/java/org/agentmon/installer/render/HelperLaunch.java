package org.agentmon.installer.render;

import java.util.ArrayList;
import java.util.List;

/**
 * How a supervisor starts the helper. Linux: the bundled runtime's {@code java}, the JVM flags, the
 * jar and the {@code daemon} verb. macOS: the bundle's {@code Contents/MacOS/agentmon} launcher
 * with {@code daemon}, so Activity Monitor and Login Items show AgentMon, not "java"; the same JVM
 * flags go into that launcher's configuration ({@link #launcherJavaOptions}). The flags live here
 * only, so the plist, the unit, the launcher and the start-up benchmark run the same process.
 */
public final class HelperLaunch {
  /**
   * JVM flags for the helper, exactly those the bench measured (the helper's
   * {@code org/agentmon/helper-jvm-flags.txt}; a test keeps them equal). Cold start matters more
   * than throughput: the serial collector and C1 only start fastest; {@code -Xshare:auto} maps the
   * CDS archive the installer makes ({@link #launcherJavaOptions}; the packages' trimmed runtimes
   * have no JDK archive) and starts without it when it is missing or stale. Idle footprint: no perf-data sampling, a small young generation (RSS), and
   * the JVM's monitor-deflation and safepoint housekeeping every 5 s instead of every 0.25/1 s
   * (idle CPU under 0.05 s per minute); the heap that a burst of unread output grew shrinks back at
   * the helper's next full collection, not in steps over several.
   */
  public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-Xshare:auto", "-XX:-UsePerfData", "-Xms16m", "-Xmn4m", "-XX:+UnlockDiagnosticVMOptions",
      "-XX:GuaranteedSafepointInterval=5000", "-XX:AsyncDeflationInterval=5000", "-XX:-ShrinkHeapInSteps");

  private HelperLaunch() {}

  /**
   * @param layout where the product is installed
   * @return the JVM options of the helper's and the CLI's process: the benchmarked flags, the
   *     installed class-data sharing archive, and where the JVM writes a fatal-error report (else
   *     it goes into the working directory)
   */
  public static List<String> launcherJavaOptions(Layout layout) {
    List<String> options = new ArrayList<>(JVM_FLAGS);
    // -Xshare:auto (in JVM_FLAGS) maps it when it matches the jar and runtime, else starts without it.
    options.add("-XX:SharedArchiveFile=" + layout.cdsArchive());
    if (layout.helperErrorFile() != null) {
      options.add("-XX:ErrorFile=" + layout.helperErrorFile());
    }
    return List.copyOf(options);
  }

  /**
   * @param layout where the product is installed
   * @return the system properties the helper's launcher adds, for a plain {@code java} running the
   *     installed jar (macOS: the native libraries in the bundle's {@code Contents/Frameworks},
   *     since the jars carry none); none on Linux
   */
  public static List<String> launcherProperties(Layout layout) {
    return layout.platform() == Platform.MACOS ? LauncherConfigs.macNativeLibraries(layout.appDir()) : List.of();
  }

  /**
   * @param layout where the product is installed
   * @return the helper's full argv, program first
   */
  public static List<String> programArguments(Layout layout) {
    List<String> argv = new ArrayList<>();
    if (layout.platform() == Platform.MACOS) {
      argv.add(layout.helperProgram()); // the launcher adds launcherJavaOptions and the jar
    } else {
      argv.add(layout.java());
      argv.addAll(launcherJavaOptions(layout));
      argv.add("-jar");
      argv.add(layout.helperJar());
    }
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
