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

/** {@code install}: lay out the files, lint them, load the jobs. Exit 0 done, 1 failed. */
@Command(name = "install", description = "Install the helper's job and the login item, then load them.")
final class InstallCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;

  @Option(names = "--dry-run", description = "print the exact plan and change nothing")
  boolean dryRun;

  @Override
  public Integer call() {
    return new Installer(target.target(), new ProcessCommandRunner(), Host.probe(target.platform),
        spec.commandLine().getOut(), dryRun).install();
  }
}
