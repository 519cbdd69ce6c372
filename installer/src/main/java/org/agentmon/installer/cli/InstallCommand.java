package org.agentmon.installer.cli;

import org.agentmon.installer.install.Installer;
import picocli.CommandLine.Command;

/** {@code install}: lay out the files, lint them, load the jobs. Exit 0 done, 1 failed. */
@Command(name = "install", description = "Install the helper's job and the login item, then load them.")
final class InstallCommand extends PlanCommand {
  @Override
  int run(Installer installer) {
    return installer.install();
  }
}
