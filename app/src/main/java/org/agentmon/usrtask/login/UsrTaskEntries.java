package org.agentmon.usrtask.login;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSString;
import java.util.List;

/**
 * Renders UsrTask's login item: the LaunchAgent (macOS) and the XDG autostart entry (Linux).
 *
 * <p>Mirrors {@code org.agentmon.installer.render.UsrTaskLoginItem}, which was not yet on main
 * when this was written; once it is, this class should delegate to it so there is one definition.
 */
final class UsrTaskEntries {
  /** The LaunchAgent label and the autostart file stem. */
  static final String LABEL = "org.agentmon.usrtask";

  private UsrTaskEntries() {}

  /** Aqua sessions only, started at login, relaunched after a crash but not after Quit (exit 0). */
  static NSDictionary launchAgent(List<String> programArguments) {
    if (programArguments.isEmpty() || !programArguments.get(0).startsWith("/")) {
      throw new IllegalArgumentException("program must be an absolute path: " + programArguments);
    }
    NSArray args = new NSArray(programArguments.size());
    for (int i = 0; i < programArguments.size(); i++) {
      args.setValue(i, new NSString(programArguments.get(i)));
    }
    NSDictionary keepAlive = new NSDictionary();
    keepAlive.put("SuccessfulExit", false);
    NSDictionary d = new NSDictionary();
    d.put("Label", LABEL);
    d.put("ProgramArguments", args);
    d.put("LimitLoadToSessionType", "Aqua");
    d.put("RunAtLoad", true);
    d.put("KeepAlive", keepAlive);
    d.put("ProcessType", "Interactive");
    return d;
  }

  /** With {@code hidden}, the per-user entry that hides a system-wide one of the same name. */
  static String desktopEntry(String exec, boolean hidden) {
    if (exec.isBlank() || exec.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("bad Exec value: " + exec);
    }
    StringBuilder s = new StringBuilder();
    s.append("[Desktop Entry]\n")
        .append("Type=Application\n")
        .append("Version=1.0\n")
        .append("Name=AgentMon\n")
        .append("GenericName=AgentMon status\n")
        .append("Comment=Shows the state of the AgentMon helper in the tray\n")
        .append("Exec=").append(exec).append('\n')
        .append("Icon=agentmon\n")
        .append("Terminal=false\n")
        .append("Categories=System;Monitor;\n")
        .append("StartupNotify=false\n")
        .append("X-GNOME-Autostart-enabled=").append(!hidden).append('\n');
    if (hidden) {
      s.append("Hidden=true\n");
    }
    return s.toString();
  }

  /** Quotes an argv as a Desktop Entry {@code Exec} value (reserved characters, {@code %%}). */
  static String execLine(List<String> argv) {
    StringBuilder s = new StringBuilder();
    for (String arg : argv) {
      if (s.length() > 0) {
        s.append(' ');
      }
      String a = arg.replace("%", "%%");
      if (a.isEmpty() || a.chars().anyMatch(c -> " \t\"'\\><~|&;$*?#()`=".indexOf(c) >= 0)) {
        s.append('"');
        for (char c : a.toCharArray()) {
          if (c == '"' || c == '`' || c == '$' || c == '\\') {
            s.append('\\');
          }
          s.append(c);
        }
        s.append('"');
      } else {
        s.append(a);
      }
    }
    return s.toString();
  }
}
