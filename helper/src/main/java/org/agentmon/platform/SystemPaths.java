package org.agentmon.platform;

import java.util.List;

/**
 * The fixed system paths an installed AgentMon uses, per platform: the helper's socket, its state,
 * logs and preferences, where the application image and the system-wide login item go. The helper
 * binds and reads them, clients dial them, the installer writes them: all from here.
 */
public final class SystemPaths {
  /** Where the macOS helper's LaunchDaemon socket is. */
  static final String MAC_SOCKET = "/var/run/" + Labels.HELPER + ".sock";
  /** Where the systemd socket unit puts the Linux helper's socket. */
  static final String LINUX_SOCKET = "/run/agentmon/agentmon.sock";
  /** The helper's preferences file on Linux. */
  public static final String LINUX_PREFERENCES = "/etc/agentmon/" + Labels.HELPER + ".plist";
  /** The helper's local preferences file on macOS. */
  public static final String MAC_PREFERENCES = "/Library/Preferences/" + Labels.HELPER + ".plist";
  /** The MDM-managed preferences file on macOS; overrides the local one key by key. */
  public static final String MAC_MANAGED_PREFERENCES = "/Library/Managed Preferences/" + Labels.HELPER + ".plist";
  /** The system-wide LaunchAgents directory on macOS. */
  public static final String MAC_LAUNCH_AGENTS = "/Library/LaunchAgents";

  private SystemPaths() {}

  /**
   * @param platform the platform
   * @return the helper's listening socket
   */
  public static String socket(Platform platform) {
    return platform == Platform.MACOS ? MAC_SOCKET : LINUX_SOCKET;
  }

  /**
   * @param platform the platform
   * @return the installed helper's state directory (mode 0700)
   */
  public static String stateDir(Platform platform) {
    return platform == Platform.MACOS ? "/Library/Application Support/AgentMon" : "/var/lib/agentmon";
  }

  /**
   * @param platform the platform
   * @return the log directory, or null where the journal takes the logs
   */
  public static String logDir(Platform platform) {
    return platform == Platform.MACOS ? "/Library/Logs/AgentMon" : null;
  }

  /**
   * @param platform the platform
   * @return the default application image: the jpackage bundle on macOS, where jpackage's .deb
   *     puts it on Linux
   */
  public static String applicationImage(Platform platform) {
    return platform == Platform.MACOS ? "/Applications/AgentMon.app" : "/opt/agentmon";
  }

  /**
   * @param platform the platform
   * @return where the packages link the {@code agentmon} and {@code agentmon-installer} launchers
   *     onto everyone's PATH ({@code /usr/bin} on Linux), or null where nothing is linked (macOS)
   */
  public static String commandLinkDir(Platform platform) {
    return platform == Platform.MACOS ? null : "/usr/bin";
  }

  /**
   * @param platform the platform
   * @return the helper's preferences files, lowest precedence first: on macOS the local file, then
   *     the MDM-managed one that overrides it key by key
   */
  public static List<String> preferencesFiles(Platform platform) {
    return platform == Platform.MACOS ? List.of(MAC_PREFERENCES, MAC_MANAGED_PREFERENCES) : List.of(LINUX_PREFERENCES);
  }
}
