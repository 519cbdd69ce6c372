package org.agentmon.installer.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.agentmon.installer.doctor.CheckResult;
import org.agentmon.installer.doctor.Doctor;
import org.agentmon.installer.install.Host;
import org.agentmon.platform.ProcessCommandRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code doctor}: every check, PASS/WARN/FAIL with a fix; exit 0 when nothing FAILs, 1 otherwise. */
@Command(name = "doctor", description = "Diagnose the installation and the running helper.")
final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin TargetOptions target;

  @Option(names = "--json", description = "print a JSON array for tools")
  boolean json;

  @Override
  public Integer call() {
    List<CheckResult> results = new Doctor(target.target(), new ProcessCommandRunner(),
        Host.probe(target.platform)).run();
    Doctor.print(results, spec.commandLine().getOut(), json);
    return Doctor.exitCode(results);
  }
}
