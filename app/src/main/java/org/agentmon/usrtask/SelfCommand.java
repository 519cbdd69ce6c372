package org.agentmon.usrtask;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that starts this UsrTask again: same JVM, flags and jar or class path. */
final class SelfCommand {
  private SelfCommand() {}

  /**
   * @return the app bundle's launcher when a jpackage launcher started us (its configuration
   *     holds the JVM options, and Login Items and Activity Monitor then show AgentMon, not
   *     "java"), else {@code java [flags] -jar usrtask.jar} or {@code java [flags] -cp ... Main},
   *     all paths absolute
   */
  static List<String> base() {
    return base(System.getProperty("jpackage.app-path"));
  }

  /** @param launcher the jpackage launcher that started this JVM, or null */
  static List<String> base(String launcher) {
    if (launcher != null && launcher.startsWith("/") && Files.isExecutable(Path.of(launcher))) {
      return List.of(launcher);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    String cp = System.getProperty("java.class.path");
    Path single = cp.contains(java.io.File.pathSeparator) ? null : Path.of(cp).toAbsolutePath();
    if (single != null && single.toString().endsWith(".jar") && Files.isRegularFile(single)) {
      cmd.add("-jar");
      cmd.add(single.toString());
    } else {
      cmd.add("-cp");
      cmd.add(absolute(cp));
      cmd.add(Main.class.getName());
    }
    return cmd;
  }

  /** @return the class path of this JVM with absolute entries, for processes started elsewhere */
  static String absolute(String cp) {
    List<String> out = new ArrayList<>();
    for (String e : cp.split(java.io.File.pathSeparator)) {
      out.add(e.isEmpty() ? e : Path.of(e).toAbsolutePath().toString());
    }
    return String.join(java.io.File.pathSeparator, out);
  }
}
