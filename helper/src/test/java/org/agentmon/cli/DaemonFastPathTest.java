package org.agentmon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.agentmon.daemon.DaemonOptions;
import org.agentmon.daemon.DaemonOptions.Setting;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class DaemonFastPathTest {
  @Test
  void knowsEveryDaemonOptionWithPicocliDefaults() {
    for (OptionSpec o : new CommandLine(new DaemonCommand()).getCommandSpec().options()) {
      if (o.usageHelp() || o.versionHelp()) {
        continue; // --help and --version are picocli's: the fast path leaves them to it
      }
      String name = o.longestName();
      assertTrue(DaemonFastPath.NUMBERS.containsKey(name) || DaemonFastPath.VALUES.contains(name),
          "the fast path does not know " + name + ": add it to DaemonFastPath");
      if (DaemonFastPath.NUMBERS.containsKey(name)) {
        assertEquals(String.valueOf(DaemonFastPath.NUMBERS.get(name).defaultValue()), o.defaultValueString(), name);
      } else {
        assertNull(o.defaultValue(), name);
      }
    }
  }

  @Test
  void readsOptionsLikePicocli() {
    String[] args = {"daemon", "--socket", "/s", "--state-dir=/d", "--log-file", "/l", "--max-connections", "5",
        "--max-connections-per-user=3", "--idle-exit=2", "--crash-loop-starts", "1000", "--config", "/c.plist"};
    DaemonOptions expected = DaemonOptions.defaults(Path.of("/default.sock")).socket(Path.of("/s"))
        .stateDir(Path.of("/d")).logFile(Path.of("/l")).set(Setting.MAX_CONNECTIONS, 5)
        .set(Setting.MAX_CONNECTIONS_PER_USER, 3).set(Setting.IDLE_EXIT_SECONDS, 2)
        .set(Setting.CRASH_LOOP_STARTS, 1000).configFile(Path.of("/c.plist"))
        .args(List.of(args).subList(1, args.length)).build();
    assertEquals(expected, DaemonFastPath.parse(args));
    assertEquals(expected, picocli(args));
  }

  @Test
  void givesTheSameDefaultsAsPicocli() {
    for (String[] args : List.of(new String[] {"daemon"}, new String[] {"daemon", "--min-uptime", "7"})) {
      DaemonOptions fast = DaemonFastPath.parse(args);
      assertEquals(picocli(args), fast, String.join(" ", args));
      assertEquals(DaemonOptions.defaultStateDir(), fast.stateDir());
    }
  }

  /** What {@link DaemonCommand} would run with, after picocli read {@code args} (without "daemon"). */
  private static DaemonOptions picocli(String[] args) {
    DaemonCommand cmd = new DaemonCommand();
    new CommandLine(cmd).parseArgs(List.of(args).subList(1, args.length).toArray(new String[0]));
    return cmd.options();
  }

  @Test
  void leavesEverythingElseToPicocli() {
    for (String[] args : List.of(new String[] {"status"}, new String[] {"daemon", "--help"},
        new String[] {"daemon", "--bogus", "1"}, new String[] {"daemon", "--max-connections", "0"},
        new String[] {"daemon", "--max-connections", "x"}, new String[] {"daemon", "--socket"},
        new String[] {"daemon", "--socket", "/a", "--socket", "/b"}, new String[] {})) {
      assertNull(DaemonFastPath.parse(args), String.join(" ", args));
    }
  }
}
