package org.agentmon.cli;

import org.agentmon.Build;
import org.agentmon.daemon.Daemon;
import org.agentmon.daemon.DaemonOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code agentmon}: the helper daemon and the commands that talk to it. */
@Command(name = "agentmon", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    subcommands = {StatusCommand.class, RestartCommand.class, StopCommand.class, StartCommand.class,
        DaemonCommand.class, EventsCommand.class},
    description = "AgentMon helper and its control commands.")
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its status.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // launchd/systemd start `agentmon daemon` on demand, and `agentmon status` is what people and
    // scripts run: both paths skip picocli (cold start).
    DaemonOptions daemon = DaemonFastPath.parse(args);
    if (daemon != null) {
      System.exit(Daemon.run(daemon));
    }
    ClientFastPath.Plan plan = ClientFastPath.parse(args);
    System.exit(plan != null ? ClientFastPath.run(plan) : execute(args));
  }

  /**
   * Runs the command line.
   *
   * @param args the arguments
   * @return the exit status
   */
  public static int execute(String... args) {
    return execute(null, null, args);
  }

  /** {@link #execute(String...)} writing to {@code out} and {@code err} (null: stdout, stderr); for tests. */
  static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    if (out != null) {
      cl.setOut(out);
    }
    if (err != null) {
      cl.setErr(err);
    }
    cl.setExitCodeExceptionMapper(t -> ExitCodes.FAILURE);
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("agentmon: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try `agentmon --help`.");
      return ExitCodes.USAGE;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code --version}: version and build id. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"agentmon " + Build.version() + " (build " + Build.buildId() + ")"};
    }
  }
}
