package org.agentmon.installer.systemd;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.agentmon.installer.render.Layout;
import org.agentmon.platform.Platform;
import org.agentmon.protocol.Json;

/**
 * A booted machine with the helper package installed exactly as README says
 * ({@code sudo apt install ./agentmon_….deb}), and the questions the tests ask it.
 */
final class Installed {
  static final Layout LAYOUT = Layout.standard(Platform.LINUX);
  /** systemd restarts a killed helper after {@code RestartSec} (2 s); the JVM then starts. */
  static final Duration BACK_AFTER_KILL = Duration.ofSeconds(60);

  private Installed() {}

  /**
   * @param logDir where container console logs go
   * @return a machine with {@code agentmon} installed and its helper answering
   * @throws IOException if booting or installing fails
   */
  static Machine machine(Path logDir) throws IOException {
    Machine m = Machine.boot(Packages.dir(), logDir);
    try {
      install(m);
      return m;
    } catch (IOException | RuntimeException | Error e) {
      m.close();
      throw e;
    }
  }

  /**
   * README's Linux install: {@code apt install ./agentmon_….deb} in the package directory.
   *
   * @param m the machine
   * @return apt's output
   * @throws IOException if apt cannot run
   */
  static String install(Machine m) throws IOException {
    return m.ok("cd " + Machine.PACKAGES + " && sudo apt install -y ./" + Packages.file(Packages.HELPER) + " 2>&1");
  }

  /**
   * @param m the machine
   * @return {@code agentmon status --json} from PATH, parsed
   * @throws IOException if it cannot run
   */
  static Map<?, ?> status(Machine m) throws IOException {
    return (Map<?, ?>) Json.parse(m.ok("agentmon status --json").trim());
  }

  /** @return the host's view of the helper's socket inside {@code m} */
  static Path socket(Machine m) {
    return m.hostPath(LAYOUT.socket());
  }

  /** @return {@code agentmon.service}'s main pid, 0 when none runs */
  static long mainPid(Machine m) throws IOException {
    return Long.parseLong(m.ok("systemctl show --property=MainPID --value agentmon.service").trim());
  }

  /** @return {@code agentmon.service}'s ActiveState */
  static String activeState(Machine m) throws IOException {
    return m.ok("systemctl show --property=ActiveState --value agentmon.service").trim();
  }

  /**
   * Polls a condition inside the machine until it holds.
   *
   * @param m the machine
   * @param what what is waited for (for the failure message)
   * @param timeout how long
   * @param script a shell condition (exit 0 = holds)
   * @throws AssertionError with the last output if it never holds
   */
  static void await(Machine m, String what, Duration timeout, String script) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      var r = m.sh(script);
      if (r.exitCode() == 0) {
        return;
      }
      last = r.output();
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s; last: " + script + "\n" + last);
  }
}
