package org.agentmon.daemon;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.files.PathTrust;
import org.agentmon.platform.HelperCommand;

/**
 * Starts a standalone helper's successor: the same JVM, flags, class path and daemon arguments.
 * Only our own command line is used; nothing from a client.
 */
final class Replacement {
  private Replacement() {}

  static Process spawn(List<String> daemonArgs, Path logFile) throws IOException {
    List<String> cmd = HelperCommand.thisJava().jvm(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .classPath(System.getProperty("java.class.path")).daemon(daemonArgs);
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
