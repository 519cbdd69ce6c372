package org.agentmon.installer.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.agentmon.installer.install.Host;
import org.agentmon.installer.install.InstallTarget;
import org.agentmon.platform.CommandRunner;
import org.agentmon.platform.ProcessCommandRunner;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the verbs that act on an installed target (install, uninstall, upgrade, doctor): the
 * shared {@link TargetOptions}, the real command runner and this machine, wired in one place.
 */
abstract class TargetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;

  @Override
  public final Integer call() {
    return run(target.target(), new ProcessCommandRunner(), Host.probe(target.platform),
        spec.commandLine().getOut());
  }

  /**
   * Runs the verb.
   *
   * @param target what to act on, where
   * @param runner runs launchctl/systemctl/ps
   * @param host what this machine offers
   * @param out the command's output
   * @return the exit code
   */
  abstract int run(InstallTarget target, CommandRunner runner, Host host, PrintWriter out);
}
