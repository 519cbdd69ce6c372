package org.agentmon.installer.install;

import java.io.IOException;
import java.util.List;
import org.agentmon.platform.Labels;

/**
 * systemd: reload unit files, enable and start the socket and the path unit (the service is
 * started by either); on upgrade restart a running helper so it runs the new jar.
 */
final class SystemdManager implements ServiceManager {
  static final String SYSTEMCTL = "systemctl";

  @Override
  public void activate(ServiceActions a, boolean upgrade) throws IOException {
    a.run(List.of(SYSTEMCTL, "daemon-reload"));
    a.run(List.of(SYSTEMCTL, "enable", "--now", Labels.SOCKET_UNIT, Labels.PATH_UNIT));
    if (upgrade) {
      a.run(List.of(SYSTEMCTL, "try-restart", Labels.SERVICE_UNIT));
    }
  }

  @Override
  public void deactivate(ServiceActions a) throws IOException {
    // The path unit first, or it would start the service again while we stop it.
    a.run(List.of(SYSTEMCTL, "disable", "--now", Labels.PATH_UNIT, Labels.SOCKET_UNIT));
    a.run(List.of(SYSTEMCTL, "stop", Labels.SERVICE_UNIT));
  }

  @Override
  public void afterRemoval(ServiceActions a) throws IOException {
    a.run(List.of(SYSTEMCTL, "daemon-reload"));
  }
}
