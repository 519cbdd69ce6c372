package org.agentmon.installer.render;

import java.util.ArrayList;
import java.util.List;
import org.agentmon.platform.Platform;

/**
 * The JVM flags of AgentMon's menu-bar app, in one place: the macOS {@code usrtask} launcher that
 * the LaunchAgent runs ({@link LauncherConfigs}), the Linux app image's launcher
 * ({@code build-linux.sh} reads the rendered {@link #OPTIONS_FILE}) and the app's footprint bench.
 *
 * <p>Chosen by the footprint bench for an app that mostly waits with its window hidden: the serial
 * collector and C1 only (no GC or compiler threads to keep busy, less code cache), no perf-data
 * file, a small heap that starts small, 512 KiB thread stacks, and the JVM's own housekeeping
 * (monitor deflation, guaranteed safepoints) every 5 s instead of every 0.25/1 s.
 */
public final class UsrTaskLaunch {
  /** The flags, in the order they are passed. */
  public static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-Xshare:auto", "-XX:-UsePerfData", "-Xms8m", "-Xmx128m", "-Xss512k", "-XX:+UnlockDiagnosticVMOptions",
      "-XX:GuaranteedSafepointInterval=5000", "-XX:AsyncDeflationInterval=5000");

  /** Where the packaging scripts find the flags, one a line, in the rendered tree. */
  public static final String OPTIONS_FILE = "package/usrtask-java-options";

  private UsrTaskLaunch() {}

  /**
   * @return the JVM options of the Linux package's app launcher, one a line: the flags, and the helper
   *     package's junixsocket library (the desktop package depends on that exact version); the macOS
   *     launcher's are {@link LauncherConfigs}'
   */
  static List<String> linuxOptions(Layout layout) {
    List<String> options = new ArrayList<>(JVM_FLAGS);
    options.add(HelperLaunch.JUNIXSOCKET_LIBRARY + layout.junixsocketLibrary());
    return List.copyOf(options);
  }

  /** @return the options as the packaging scripts read them, one a line */
  static RenderedFile optionsFile(Layout layout) {
    List<String> options = layout.platform() == Platform.LINUX ? linuxOptions(layout) : JVM_FLAGS;
    return RenderedFile.of(OPTIONS_FILE, String.join("\n", options) + "\n", Renderer.FILE_MODE);
  }
}
