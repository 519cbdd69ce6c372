package org.agentmon.installer.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * systemd's start limit leaves room for the helper's own crash-loop safe mode. It once did not
 * (5 starts in 120 s against 5 quick crashes): after an administrator's restart and one kill,
 * systemd gave up before the helper could come up in safe mode. The crash loop's numbers are
 * read from the helper's own command line, so this follows them.
 */
class StartLimitTest {
  @Test
  void systemdGivesUpOnlyWellAfterTheHelpersCrashLoop() throws Exception {
    CommandSpec daemon = new CommandLine(new org.agentmon.cli.Main()).getSubcommands().get("daemon").getCommandSpec();
    int quickCrashes = Integer.parseInt(defaultOf(daemon, "--crash-loop-starts"));
    long window = Long.parseLong(defaultOf(daemon, "--crash-loop-window"));
    // The safe-mode start is the one after the quick crashes; the first run counts too.
    int crashLoopStarts = quickCrashes + 2;
    assertTrue(SystemdUnits.START_LIMIT_SECONDS >= window, "systemd's interval covers the crash-loop window");
    assertTrue(SystemdUnits.START_LIMIT_BURST >= 2 * crashLoopStarts,
        "StartLimitBurst=" + SystemdUnits.START_LIMIT_BURST + " leaves no room beside a crash loop of "
            + crashLoopStarts + " starts");
  }

  /** The default picocli shows in help: the option's own, else the command's default-value provider's. */
  private static String defaultOf(CommandSpec command, String name) throws Exception {
    OptionSpec option = command.findOption(name);
    String own = option.defaultValue();
    return own != null ? own : command.defaultValueProvider().defaultValue(option);
  }
}
