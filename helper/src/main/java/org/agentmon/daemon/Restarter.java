package org.agentmon.daemon;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a restart is carried out, by who keeps the helper alive: launchd and systemd are asked to
 * restart the job (they hold the socket, so no client is refused); a supervisor we cannot ask is
 * told by an exit status that means "start me again"; a standalone helper starts its successor.
 */
final class Restarter {
  /** Exit status for "restart me" (EX_TEMPFAIL): launchd's and systemd's keep-alive rules restart on it. */
  static final int EXIT_RESTART = 75;
  static final String LAUNCHD_LABEL = "org.agentmon.helper";
  static final String SYSTEMD_UNIT = "agentmon.service";
  private static final Logger LOG = LoggerFactory.getLogger(Restarter.class);
  private static final long COMMAND_TIMEOUT_MS = 15_000;

  private final Supervisor supervisor;
  private final boolean socketInherited;
  private final CommandRunner runner;

  Restarter(Supervisor supervisor, boolean socketInherited, CommandRunner runner) {
    this.supervisor = supervisor;
    this.socketInherited = socketInherited;
    this.runner = runner;
  }

  /** @return the service-manager command that restarts the job, or null when there is none to ask */
  List<String> command() {
    switch (supervisor) {
      case LAUNCHD:
        return List.of("launchctl", "kickstart", "-k", "system/" + LAUNCHD_LABEL);
      case SYSTEMD:
        return List.of("systemctl", "restart", SYSTEMD_UNIT);
      default:
        return null;
    }
  }

  /** @return whether this helper starts its own successor (no supervisor holds its socket) */
  boolean standalone() {
    return supervisor == Supervisor.NONE && !socketInherited;
  }

  /**
   * Asks the supervisor to restart the job. On success the supervisor stops this process and the
   * caller simply waits; otherwise the caller exits with {@link #EXIT_RESTART}. launchd's {@code
   * kickstart -k} stops it with SIGKILL (systemd with SIGTERM), so nothing runs after the request:
   * the caller must have recorded the planned restart (run history, final notification) before.
   *
   * @return true if the service manager accepted the request
   */
  boolean askSupervisor() {
    List<String> cmd = command();
    if (cmd == null) {
      return false;
    }
    LOG.info("asking {} to restart the helper: {}", supervisor.wire, String.join(" ", cmd));
    try {
      int status = runner.run(cmd, COMMAND_TIMEOUT_MS);
      if (status == 0) {
        return true;
      }
      LOG.warn("{} exited with {}; exiting {} so the supervisor starts a new helper", cmd.get(0), status,
          EXIT_RESTART);
    } catch (IOException e) {
      LOG.warn("cannot run {} ({}); exiting {} so the supervisor starts a new helper", cmd.get(0), e.getMessage(),
          EXIT_RESTART);
    }
    return false;
  }
}
