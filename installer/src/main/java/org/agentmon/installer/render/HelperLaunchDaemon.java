package org.agentmon.installer.render;

import com.dd.plist.NSDictionary;
import org.agentmon.platform.Labels;

/**
 * The helper's LaunchDaemon. launchd holds the socket ({@code Sockets.Listeners}) and hands it over
 * through {@code launch_activate_socket}, keeps the helper running while the enabled flag exists,
 * relaunches it after a crash and throttles a respawn loop. No {@code inetdCompatibility}:
 * launchd.plist(5) tells new projects to avoid it, such jobs started through {@code launchproxy}
 * only while a client connects (no heartbeat with nobody logged in), and stdout was the socket.
 */
final class HelperLaunchDaemon {
  /** Seconds launchd waits between two launches: the second line against a crash loop. */
  static final int THROTTLE_SECONDS = 10;
  /** Seconds between SIGTERM and SIGKILL on stop. */
  static final int EXIT_TIMEOUT_SECONDS = 20;
  /** {@code 0666}: access is decided from peer credentials, not the file mode. */
  static final int SOCKET_MODE = 0666;

  private HelperLaunchDaemon() {}

  static NSDictionary plist(Layout layout) {
    NSDictionary listener = Plists.dict(
        "SockPathName", layout.socket(),
        "SockPathMode", SOCKET_MODE,
        "SockType", "stream",
        "SockFamily", "Unix");
    return Plists.dict(
        "Label", Labels.HELPER,
        "ProgramArguments", Plists.strings(HelperLaunch.programArguments(layout)),
        "Sockets", Plists.dict("Listeners", listener),
        "KeepAlive", Plists.dict(
            "SuccessfulExit", false,
            "PathState", Plists.dict(layout.enabledFlag(), true)),
        "ThrottleInterval", THROTTLE_SECONDS,
        "ExitTimeOut", EXIT_TIMEOUT_SECONDS,
        "ProcessType", "Standard",
        "WorkingDirectory", layout.stateDir(),
        "StandardOutPath", layout.helperStdoutFile(),
        "StandardErrorPath", layout.helperStderrFile(),
        "AssociatedBundleIdentifiers", Plists.strings(java.util.List.of(Labels.BUNDLE_ID)));
  }
}
