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

/** {@code upgrade}: replace and reload a stale install, install a missing one, else nothing. */
@Command(name = "upgrade", description = "Replace and reload the jobs when the installed files or helper jar are stale.")
final class UpgradeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;

  @Option(names = "--dry-run", description = "print the exact plan and change nothing")
  boolean dryRun;

  @Override
  public Integer call() {
    return new Installer(target.target(), new ProcessCommandRunner(), Host.probe(target.platform),
        spec.commandLine().getOut(), dryRun).upgrade();
  }
}
