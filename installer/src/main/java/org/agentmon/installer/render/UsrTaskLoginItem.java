package org.agentmon.installer.render;

import com.dd.plist.NSDictionary;
import java.util.List;
import org.agentmon.platform.Labels;

/**
 * The UsrTask login item: the LaunchAgent plist (macOS) and the XDG autostart entry (Linux).
 * The installer and the app's "Start at Login" both render it here, so there is one definition.
 */
public final class UsrTaskLoginItem {
  private UsrTaskLoginItem() {}

  /**
   * Builds the LaunchAgent: Aqua sessions only, started at login, relaunched after a crash but
   * not after Quit (exit 0), scheduled as an interactive app, tied to the AgentMon bundle.
   *
   * @param programArguments UsrTask's argv; the first element must be an absolute path
   * @return the job dictionary
   * @throws IllegalArgumentException if the argv is empty or its program is not absolute
   */
  public static NSDictionary launchAgent(List<String> programArguments) {
    if (programArguments.isEmpty() || !programArguments.get(0).startsWith("/")) {
      throw new IllegalArgumentException("program must be an absolute path: " + programArguments);
    }
    return Plists.dict(
        "Label", Labels.USRTASK,
        "ProgramArguments", Plists.strings(programArguments),
        "LimitLoadToSessionType", "Aqua",
        "RunAtLoad", true,
        "KeepAlive", Plists.dict("SuccessfulExit", false),
        "ProcessType", "Interactive",
        // Login Items then shows AgentMon (the bundle), not an entry named after the executable.
        "AssociatedBundleIdentifiers", Plists.strings(List.of(Labels.BUNDLE_ID)));
  }

  /**
   * @param programArguments UsrTask's argv
   * @return the LaunchAgent as an XML plist
   * @see #launchAgent(List)
   */
  public static String launchAgentXml(List<String> programArguments) {
    return launchAgent(programArguments).toXMLPropertyList();
  }

  /**
   * Builds the XDG autostart entry. With {@code hidden} it is the per-user override that hides a
   * system-wide entry of the same name ({@code ~/.config/autostart}, XDG autostart spec).
   *
   * @param exec the {@code Exec} value, quoted per the Desktop Entry spec (see {@link #execLine})
   * @param hidden whether this entry switches the login item off
   * @return the entry's text
   * @throws IllegalArgumentException if {@code exec} is empty or has a line break or control character
   */
  public static String desktopEntry(String exec, boolean hidden) {
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

  /**
   * Quotes an argv as a Desktop Entry {@code Exec} value: arguments with reserved characters are
   * double-quoted, with {@code "}, {@code `}, {@code $} and {@code \} escaped, {@code %} doubled.
   *
   * @param argv the program and its arguments
   * @return the {@code Exec} value
   */
  public static String execLine(List<String> argv) {
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
