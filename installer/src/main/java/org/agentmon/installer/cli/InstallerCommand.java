package org.agentmon.installer.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; each verb is a subcommand. Exit 2 on usage errors (picocli's default). */
@Command(
    name = "agentmon-installer",
    mixinStandardHelpOptions = true,
    versionProvider = InstallerVersion.class,
    description = "Renders, lints, installs, upgrades and diagnoses AgentMon's launchd/systemd jobs.",
    subcommands = {RenderCommand.class, LintCommand.class, InstallCommand.class, UninstallCommand.class,
        UpgradeCommand.class, DoctorCommand.class})
public final class InstallerCommand implements Runnable {

  /**
   * Runs a command line with the process's stdout/stderr.
   *
   * @param args the arguments
   * @return the exit code
   */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /**
   * Runs a command line, printing to the given writers (tests capture them).
   *
   * @param out normal output
   * @param err diagnostics
   * @param args the arguments
   * @return the exit code
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new InstallerCommand());
    cl.setOut(out);
    cl.setErr(err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "missing verb");
  }
}
