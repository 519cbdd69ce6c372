package org.agentmon.daemon;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.agentmon.platform.CommandRunner;
import org.agentmon.platform.Labels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a restart is carried out, by who keeps the helper alive: launchd and systemd are asked to
 * restart the job (they hold the socket, so no client is refused); a supervisor we cannot ask is
 * told by an exit status that means "start me again"; a standalone helper starts its successor.
 *
 * @param supervisor who started this helper
 * @param socketInherited whether the listening socket was handed over rather than bound here
 * @param runner runs {@code launchctl} or {@code systemctl}
 */
record Restarter(Supervisor supervisor, boolean socketInherited, CommandRunner runner) {
  /** Exit status for "restart me" (EX_TEMPFAIL): launchd's and systemd's keep-alive rules restart on it. */
  static final int EXIT_RESTART = 75;
  /** How long {@code launchctl} or {@code systemctl} may take to accept the request. */
  static final Duration COMMAND_DEADLINE = Duration.ofSeconds(15);
  private static final Logger LOG = LoggerFactory.getLogger(Restarter.class);

  /** @return the service-manager command that restarts the job, or null when there is none to ask */
  List<String> command() {
    switch (supervisor) {
      case LAUNCHD:
        return List.of("launchctl", "kickstart", "-k", "system/" + Labels.HELPER);
      case SYSTEMD:
        return List.of("systemctl", "restart", Labels.SERVICE_UNIT);
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
      int status = runner.run(cmd).exitCode();
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
