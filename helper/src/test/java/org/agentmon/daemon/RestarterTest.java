package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.platform.CommandResult;
import org.agentmon.platform.CommandRunner;
import org.junit.jupiter.api.Test;

/** The exact service-manager commands a restart runs, recorded where launchctl cannot exist. */
class RestarterTest {
  /** Records every command and answers with a fixed status (or fails to start it). */
  record Recorder(List<List<String>> ran, int status, boolean missing) implements CommandRunner {
    Recorder(int status, boolean missing) {
      this(new ArrayList<>(), status, missing);
    }

    @Override
    public CommandResult run(List<String> command) throws IOException {
      ran.add(command);
      if (missing) {
        throw new IOException("Cannot run program \"" + command.get(0) + "\": error=2, No such file or directory");
      }
      return new CommandResult(status, "");
    }
  }

  @Test
  void underLaunchdItKickstartsTheSystemJob() {
    Recorder r = new Recorder(0, false);
    Restarter restarter = new Restarter(Supervisor.LAUNCHD, true, r);
    assertTrue(restarter.askSupervisor());
    assertEquals(List.of(List.of("launchctl", "kickstart", "-k", "system/org.agentmon.helper")), r.ran());
    assertFalse(restarter.standalone());
  }

  @Test
  void underSystemdItRestartsTheService() {
    Recorder r = new Recorder(0, false);
    Restarter restarter = new Restarter(Supervisor.SYSTEMD, true, r);
    assertTrue(restarter.askSupervisor());
    assertEquals(List.of(List.of("systemctl", "restart", "agentmon.service")), r.ran());
  }

  @Test
  void aFailingOrMissingServiceManagerMeansExitForARestart() {
    Recorder failing = new Recorder(1, false);
    assertFalse(new Restarter(Supervisor.SYSTEMD, true, failing).askSupervisor());
    assertEquals(1, failing.ran().size());
    Recorder missing = new Recorder(0, true);
    assertFalse(new Restarter(Supervisor.LAUNCHD, true, missing).askSupervisor());
    assertEquals(75, Restarter.EXIT_RESTART);
  }

  @Test
  void withoutASupervisorNothingIsRun() {
    Recorder r = new Recorder(0, false);
    Restarter bound = new Restarter(Supervisor.NONE, false, r);
    assertTrue(bound.standalone(), "its own socket: it starts its successor");
    assertNull(bound.command());
    Restarter held = new Restarter(Supervisor.NONE, true, r);
    assertFalse(held.standalone(), "someone holds its socket: exit and let them restart it");
    assertFalse(held.askSupervisor());
    assertEquals(List.of(), r.ran());
  }
}
