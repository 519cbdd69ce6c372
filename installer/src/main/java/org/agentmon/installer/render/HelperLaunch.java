package org.agentmon.installer.render;

import java.util.ArrayList;
import java.util.List;
import org.agentmon.platform.HelperCommand;
import org.agentmon.platform.Platform;

/**
 * How a supervisor starts the helper. Linux: the bundled runtime's {@code java}, the JVM flags, the
 * jar and the {@code daemon} verb. macOS: the bundle's {@code Contents/MacOS/agentmon} launcher
 * with {@code daemon}, so Activity Monitor and Login Items show AgentMon, not "java"; the same JVM
 * flags go into that launcher's configuration ({@link #launcherJavaOptions}). The flags are
 * {@link HelperCommand#jvmFlags()}, so the plist, the unit, the launcher and the start-up benchmark
 * run the same process.
 */
public final class HelperLaunch {
  /** The system property that makes junixsocket load a library from a path rather than from its jar. */
  static final String JUNIXSOCKET_LIBRARY = "-Dorg.newsclub.net.unix.library.override=";

  private HelperLaunch() {}

  /**
   * @param layout where the product is installed
   * @return the JVM options of the helper's and the CLI's process: the benchmarked flags, the
   *     installed class-data sharing archive, on Linux the installed junixsocket library (macOS's
   *     launcher adds the bundle's, {@link #launcherProperties}), and where the JVM writes a
   *     fatal-error report (else it goes into the working directory)
   */
  public static List<String> launcherJavaOptions(Layout layout) {
    List<String> options = new ArrayList<>(HelperCommand.jvmFlags());
    // -Xshare:auto (in the flags) maps it when it matches the jar and runtime, else starts without it.
    options.add("-XX:SharedArchiveFile=" + layout.cdsArchive());
    if (layout.platform() == Platform.LINUX) {
      // Without the file junixsocket unpacks its own copy from the jar, as before: harmless when missing.
      options.add(JUNIXSOCKET_LIBRARY + layout.junixsocketLibrary());
    }
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
    HelperCommand command = layout.platform() == Platform.MACOS
        ? HelperCommand.launcher(layout.helperProgram()) // the launcher adds launcherJavaOptions and the jar
        : HelperCommand.java(layout.java()).jvm(launcherJavaOptions(layout)).jar(layout.helperJar());
    List<String> args = new ArrayList<>(List.of("--state-dir", layout.stateDir()));
    if (layout.logDir() != null) {
      args.addAll(List.of("--log-file", layout.helperLogFile()));
    }
    return command.daemon(args);
  }
}
