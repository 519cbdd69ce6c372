package org.agentmon.installer.install;

import java.nio.file.Files;
import java.nio.file.Path;
import org.agentmon.platform.Platform;

/**
 * What the installer needs to know about this machine: whether the platform's service manager
 * is running here, and who we are.
 *
 * @param supervisorRunning whether launchctl/systemctl can act on a live launchd/systemd
 * @param whyNot when not running, a sentence saying why (shown with the commands to run by hand)
 * @param uid our effective uid; files are chowned to root only when this is 0
 */
public record Host(boolean supervisorRunning, String whyNot, int uid) {

  /**
   * Looks at this machine.
   *
   * @param platform the platform being installed
   * @return what was found
   */
  public static Host probe(Platform platform) {
    int uid = (int) new com.sun.security.auth.module.UnixSystem().getUid();
    if (platform == Platform.MACOS) {
      boolean mac = Platform.current() == Platform.MACOS && Files.isExecutable(Path.of("/bin/launchctl"));
      return new Host(mac, mac ? null : "launchd is not running here (this is not macOS)", uid);
    }
    // sd_booted(): systemd is PID 1 exactly when this directory exists.
    boolean systemd = Files.isDirectory(Path.of("/run/systemd/system"));
    return new Host(systemd, systemd ? null
        : "systemd is not running as PID 1 here (no /run/systemd/system)", uid);
  }

  /** @return true when running as root */
  public boolean root() {
    return uid == 0;
  }
}
