package org.agentmon.installer.cli;

import java.util.concurrent.Callable;
import org.agentmon.installer.install.Host;
import org.agentmon.installer.install.Installer;
import org.agentmon.platform.ProcessCommandRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code uninstall}: unload the jobs and remove what install wrote. "Not installed" is success. */
@Command(name = "uninstall", description = "Unload the jobs and remove their files (state and logs stay unless --purge).")
final class UninstallCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;

  @Option(names = "--purge", description = "also remove the state directory and the logs")
  boolean purge;

  @Option(names = "--dry-run", description = "print the exact plan and change nothing")
  boolean dryRun;

  @Override
  public Integer call() {
    return new Installer(target.target(), new ProcessCommandRunner(), Host.probe(target.platform),
        spec.commandLine().getOut(), dryRun).uninstall(purge);
  }
}
