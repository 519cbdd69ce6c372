package org.agentmon.installer.cli;

import org.agentmon.installer.install.Installer;
import picocli.CommandLine.Command;

/** {@code upgrade}: replace and reload a stale install, install a missing one, else nothing. */
@Command(name = "upgrade", description = "Replace and reload the jobs when the installed files or helper jar are stale.")
final class UpgradeCommand extends PlanCommand {
  @Override
  int run(Installer installer) {
    return installer.upgrade();
  }
}
