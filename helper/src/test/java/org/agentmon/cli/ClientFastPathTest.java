package org.agentmon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The client fast path reads what picocli reads, and leaves everything else to it. */
class ClientFastPathTest {
  /** Every form the fast path runs; each is compared with picocli's reading. */
  static final List<String[]> FORMS = List.of(
      new String[] {"status"},
      new String[] {"status", "--json"},
      new String[] {"status", "--socket", "/run/a.sock"},
      new String[] {"status", "--socket=/run/a.sock", "--timeout", "3"},
      new String[] {"status", "--timeout=12", "--json", "--socket", "/tmp/x y.sock"},
      new String[] {"start", "--socket", "/run/a.sock"},
      new String[] {"start", "--timeout", "7"},
      new String[] {"stop", "--timeout=1", "--socket=/run/b.sock"});

  @Test
  void readsEachSupportedFormAsPicocliDoes() {
    for (String[] args : FORMS) {
      ClientFastPath.Plan plan = ClientFastPath.parse(args);
      assertNotNull(plan, String.join(" ", args));
      ParseResult parsed = new CommandLine(new Main()).parseArgs(args).subcommand();
      ClientCommand cmd = (ClientCommand) parsed.commandSpec().userObject();
      String form = String.join(" ", args);
      assertEquals(parsed.commandSpec().name(), plan.verb(), form);
      assertEquals(cmd.options.socket, plan.options().socket, form);
      assertEquals(cmd.options.timeoutSeconds, plan.options().timeoutSeconds, form);
      assertEquals(cmd instanceof StatusCommand s && s.json, plan.json(), form);
    }
  }

  @Test
  void leavesEverythingElseToPicocli() {
    for (String line : new String[] {"", "--help", "--version", "status --help", "status -h", "status --watch",
        "status --json --json", "status --socket /a --socket /b", "status --timeout 0", "status --timeout -1",
        "status --timeout 08", "status --timeout +5", "status --timeout 0x10", "status --timeout 9999999999",
        "status --timeout", "status --socket", "status --socket=", "status --socket -x", "status --json=true",
        "status extra", "start --json", "stop --wait", "restart", "restart --wait", "events", "events -n 5",
        "daemon", "Status"}) {
      String[] args = line.isEmpty() ? new String[0] : line.split(" ");
      assertNull(ClientFastPath.parse(args), "\"" + line + "\" should be picocli's");
    }
  }
}
