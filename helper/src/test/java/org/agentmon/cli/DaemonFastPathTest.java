package org.agentmon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.agentmon.daemon.DaemonOptions;
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
        assertEquals(o.defaultValue(), DaemonFastPath.NUMBERS.get(name), name);
      } else {
        assertNull(o.defaultValue(), name);
      }
    }
  }

  @Test
  void readsOptionsLikePicocli() {
    String[] args = {"daemon", "--socket", "/s", "--state-dir=/d", "--log-file", "/l", "--max-connections", "5",
        "--max-connections-per-user=3", "--idle-exit=2", "--crash-loop-starts", "1000", "--config", "/c.plist"};
    DaemonOptions expected = DaemonOptions.of(Path.of("/s"), Path.of("/d"), Path.of("/l"), null, 5, 3, 60, 2, 1000,
        60, 30, List.of(args).subList(1, args.length), Path.of("/c.plist"));
    assertEquals(expected, DaemonFastPath.parse(args));
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
