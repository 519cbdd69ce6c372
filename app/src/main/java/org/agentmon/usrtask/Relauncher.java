package org.agentmon.usrtask;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.platform.Labels;
import org.agentmon.platform.ProcessCommandRunner;

/**
 * Starts the UsrTask that replaces this one. Under launchd a job's children die with it, so
 * there it asks launchd ({@code launchctl kickstart -k}); elsewhere it starts a detached process
 * with {@code --replace}, which asks this instance to quit through the instance lock.
 */
final class Relauncher {
  private final List<String> args;
  private final long uid;

  Relauncher(List<String> args, long uid) {
    this.args = List.copyOf(args);
    this.uid = uid;
  }

  void relaunch(boolean show) throws IOException {
    if (Labels.USRTASK.equals(System.getenv("XPC_SERVICE_NAME"))) {
      new ProcessCommandRunner().check(List.of("launchctl", "kickstart", "-k", "gui/" + uid + "/" + Labels.USRTASK));
      return;
    }
    List<String> cmd = new ArrayList<>(SelfCommand.base());
    cmd.addAll(args);
    cmd.add("--replace");
    if (show && !args.contains("--show")) {
      cmd.add("--show"); // the window comes back if it was open
    }
    new ProcessBuilder(cmd).redirectInput(new File("/dev/null"))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }
}
