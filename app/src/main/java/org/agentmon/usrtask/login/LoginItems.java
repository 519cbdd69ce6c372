package org.agentmon.usrtask.login;

import java.nio.file.Path;
import java.util.List;
import org.agentmon.platform.Platform;
import org.agentmon.platform.ProcessCommandRunner;
import org.agentmon.platform.SystemPaths;

/** Picks this platform's login item for the current user. */
public final class LoginItems {
  private LoginItems() {}

  /**
   * @param argv the command that starts UsrTask
   * @param uid the current user's id
   * @return the LaunchAgent item on macOS, the XDG autostart item elsewhere
   */
  public static LoginItem forCurrentUser(List<String> argv, long uid) {
    Path home = Path.of(System.getProperty("user.home"));
    if (Platform.onMac()) {
      return new LaunchAgentLoginItem(home.resolve("Library/LaunchAgents"), Path.of(SystemPaths.MAC_LAUNCH_AGENTS), uid,
          argv, new ProcessCommandRunner());
    }
    String config = System.getenv("XDG_CONFIG_HOME");
    Path userConfig = config != null && config.startsWith("/") ? Path.of(config) : home.resolve(".config");
    String dirs = System.getenv("XDG_CONFIG_DIRS");
    String first = dirs == null || dirs.isBlank() ? "/etc/xdg" : dirs.split(":")[0];
    return new XdgAutostartLoginItem(userConfig.resolve("autostart"), Path.of(first).resolve("autostart"), argv);
  }
}
