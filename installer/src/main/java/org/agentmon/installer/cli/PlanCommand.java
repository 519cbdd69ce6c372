package org.agentmon.installer.cli;

import java.io.PrintWriter;
import org.agentmon.installer.install.Host;
import org.agentmon.installer.install.InstallTarget;
import org.agentmon.installer.install.Installer;
import org.agentmon.platform.CommandRunner;
import picocli.CommandLine.Option;

/** Base of install, uninstall and upgrade: {@code --dry-run} and the {@link Installer} they drive. */
abstract class PlanCommand extends TargetCommand {
  @Option(names = "--dry-run", description = "print the exact plan and change nothing")
  boolean dryRun;

  @Override
  final int run(InstallTarget target, CommandRunner runner, Host host, PrintWriter out) {
    return run(new Installer(target, runner, host, out, dryRun));
  }

  /**
   * @param installer the installer, printing its steps (only printing them with {@code --dry-run})
   * @return the exit code
   */
  abstract int run(Installer installer);
}
