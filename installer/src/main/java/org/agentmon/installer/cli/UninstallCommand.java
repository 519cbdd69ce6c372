package org.agentmon.installer.cli;

import org.agentmon.installer.install.Installer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code uninstall}: unload the jobs and remove what install wrote. "Not installed" is success. */
@Command(name = "uninstall", description = "Unload the jobs and remove their files (state and logs stay unless --purge).")
final class UninstallCommand extends PlanCommand {
  @Option(names = "--purge", description = "also remove the state directory and the logs")
  boolean purge;

  @Override
  int run(Installer installer) {
    return installer.uninstall(purge);
  }
}
