package org.agentmon.usrtask.login;

import com.dd.plist.NSDictionary;
import java.util.List;
import org.agentmon.installer.render.UsrTaskLoginItem;

/**
 * UsrTask's login item files, rendered by the installer's {@link UsrTaskLoginItem} so the
 * installer and "Start at Login" write the same thing; this is the one place app depends on it.
 */
final class UsrTaskEntries {
  private UsrTaskEntries() {}

  /** Aqua sessions only, started at login, relaunched after a crash but not after Quit (exit 0). */
  static NSDictionary launchAgent(List<String> programArguments) {
    return UsrTaskLoginItem.launchAgent(programArguments);
  }

  /** With {@code hidden}, the per-user entry that hides a system-wide one of the same name. */
  static String desktopEntry(String exec, boolean hidden) {
    return UsrTaskLoginItem.desktopEntry(exec, hidden);
  }

  /** Quotes an argv as a Desktop Entry {@code Exec} value. */
  static String execLine(List<String> argv) {
    return UsrTaskLoginItem.execLine(argv);
  }
}
