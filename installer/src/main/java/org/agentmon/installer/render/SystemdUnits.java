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
    return """
        [Unit]
        Description=AgentMon helper control socket

        [Socket]
        ListenStream=%s
        SocketUser=root
        SocketGroup=root
        # Access is decided per connection from peer credentials, not from the mode.
        SocketMode=0666
        DirectoryMode=0755
        # Stopping the socket (uninstall, purge) removes the file and its directory: nothing stale in /run.
        RemoveOnStop=yes
        RuntimeDirectory=%s
        RuntimeDirectoryMode=0755
        Accept=no

        [Install]
        WantedBy=sockets.target
        """.formatted(layout.socket(), runtimeDirectory(layout));
  }

  static String service(Layout layout) {
    return """
        [Unit]
        Description=AgentMon helper
        Requires=%1$s
        After=%1$s network-online.target
        Wants=network-online.target
        StartLimitIntervalSec=%2$d
        StartLimitBurst=%3$d

        [Service]
        Type=simple
        ExecStart=%4$s
        Restart=on-failure
        RestartSec=%5$d
        StandardOutput=journal
        StandardError=journal
        StateDirectory=agentmon
        StateDirectoryMode=0700
        NoNewPrivileges=yes
        PrivateTmp=yes
        """.formatted(Labels.SOCKET_UNIT, START_LIMIT_SECONDS, START_LIMIT_BURST,
        execLine(HelperLaunch.programArguments(layout)), RESTART_SECONDS);
  }

  static String path(Layout layout) {
    return """
        [Unit]
        Description=Start the AgentMon helper while it is enabled

        [Path]
        PathExists=%s
        Unit=%s

        [Install]
        WantedBy=paths.target
        """.formatted(layout.enabledFlag(), Labels.SERVICE_UNIT);
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
