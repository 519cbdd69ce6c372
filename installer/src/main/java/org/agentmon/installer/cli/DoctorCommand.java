package org.agentmon.installer.cli;

import java.io.PrintWriter;
import java.util.List;
import org.agentmon.installer.doctor.CheckResult;
import org.agentmon.installer.doctor.Doctor;
import org.agentmon.installer.install.Host;
import org.agentmon.installer.install.InstallTarget;
import org.agentmon.platform.CommandRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code doctor}: every check, PASS/WARN/FAIL with a fix; exit 0 when nothing FAILs, 1 otherwise. */
@Command(name = "doctor", description = "Diagnose the installation and the running helper.")
final class DoctorCommand extends TargetCommand {
  @Option(names = "--json", description = "print a JSON array for tools")
  boolean json;

  @Override
  int run(InstallTarget target, CommandRunner runner, Host host, PrintWriter out) {
    List<CheckResult> results = new Doctor(target, runner, host).run();
    Doctor.print(results, out, json);
    return Doctor.exitCode(results);
  }
}
