package org.agentmon.installer.render;

import java.util.List;
import org.agentmon.platform.Labels;

/**
 * The Linux units: the socket unit holds the listening socket, the service runs the helper on
 * it, and the path unit starts the service whenever the enabled flag exists (launchd's
 * {@code PathState}).
 */
final class SystemdUnits {
  /**
   * Starts allowed within {@link #START_LIMIT_SECONDS} before systemd gives up. The helper's own
   * crash-loop safe mode (5 quick crashes within 60 s) must come first, also when an administrator
   * restarted, stopped and started it in the same two minutes: systemd's limit is the last line,
   * for a helper that cannot start at all (a test keeps it above twice the crash loop).
   */
  static final int START_LIMIT_BURST = 20;
  /** The window for {@link #START_LIMIT_BURST}. */
  static final int START_LIMIT_SECONDS = 120;
  /** Pause before a restart after a failure. */
  static final int RESTART_SECONDS = 2;

  private SystemdUnits() {}

  static String socket(Layout layout) {
    return "[Unit]\n"
        + "Description=AgentMon helper control socket\n"
        + "\n"
        + "[Socket]\n"
        + "ListenStream=" + layout.socket() + "\n"
        + "SocketUser=root\n"
        + "SocketGroup=root\n"
        + "# Access is decided per connection from peer credentials, not from the mode.\n"
        + "SocketMode=0666\n"
        + "DirectoryMode=0755\n"
        + "# Stopping the socket (uninstall, purge) removes the file and its directory: nothing stale in /run.\n"
        + "RemoveOnStop=yes\n"
        + "RuntimeDirectory=" + runtimeDirectory(layout) + "\n"
        + "RuntimeDirectoryMode=0755\n"
        + "Accept=no\n"
        + "\n"
        + "[Install]\n"
        + "WantedBy=sockets.target\n";
  }

  static String service(Layout layout) {
    return "[Unit]\n"
        + "Description=AgentMon helper\n"
        + "Requires=" + Labels.SOCKET_UNIT + "\n"
        + "After=" + Labels.SOCKET_UNIT + " network-online.target\n"
        + "Wants=network-online.target\n"
        + "StartLimitIntervalSec=" + START_LIMIT_SECONDS + "\n"
        + "StartLimitBurst=" + START_LIMIT_BURST + "\n"
        + "\n"
        + "[Service]\n"
        + "Type=simple\n"
        + "ExecStart=" + execLine(HelperLaunch.programArguments(layout)) + "\n"
        + "Restart=on-failure\n"
        + "RestartSec=" + RESTART_SECONDS + "\n"
        + "StandardOutput=journal\n"
        + "StandardError=journal\n"
        + "StateDirectory=agentmon\n"
        + "StateDirectoryMode=0700\n"
        + "NoNewPrivileges=yes\n"
        + "PrivateTmp=yes\n";
  }

  static String path(Layout layout) {
    return "[Unit]\n"
        + "Description=Start the AgentMon helper while it is enabled\n"
        + "\n"
        + "[Path]\n"
        + "PathExists=" + layout.enabledFlag() + "\n"
        + "Unit=" + Labels.SERVICE_UNIT + "\n"
        + "\n"
        + "[Install]\n"
        + "WantedBy=paths.target\n";
  }

  /** @return the socket's directory relative to {@code /run}, as {@code RuntimeDirectory=} wants it */
  static String runtimeDirectory(Layout layout) {
    String dir = layout.socket().substring(0, layout.socket().lastIndexOf('/'));
    if (!dir.startsWith("/run/")) {
      throw new IllegalArgumentException("the socket must live in a directory under /run: " + layout.socket());
    }
    return dir.substring("/run/".length());
  }

  /** Quotes an argv for {@code ExecStart=}: {@code %} doubled, arguments with spaces quoted. */
  static String execLine(List<String> argv) {
    StringBuilder s = new StringBuilder();
    for (String arg : argv) {
      if (s.length() > 0) {
        s.append(' ');
      }
      String a = arg.replace("%", "%%");
      if (a.isEmpty() || a.chars().anyMatch(c -> c == ' ' || c == '"' || c == '\'' || c == '\\' || c == ';')) {
        s.append('"').append(a.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
      } else {
        s.append(a);
      }
    }
    return s.toString();
  }
}
