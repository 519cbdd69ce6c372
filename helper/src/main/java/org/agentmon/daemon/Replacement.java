package org.agentmon.daemon;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.files.PathTrust;

/**
 * Starts a standalone helper's successor: the same JVM, flags, class path and daemon arguments.
 * Only our own command line is used; nothing from a client.
 */
final class Replacement {
  private Replacement() {}

  static Process spawn(List<String> daemonArgs, Path logFile) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.agentmon.cli.Main");
    cmd.add("daemon");
    cmd.addAll(daemonArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("LISTEN_PID");
    pb.environment().remove("LISTEN_FDS");
    pb.environment().remove("LISTEN_FDNAMES");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    if (logFile != null) {
      PathTrust.file(logFile, Identity.ownUid(), "log file"); // checked again: the redirect follows links
    }
    pb.redirectError(logFile != null ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
        : ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }
}
