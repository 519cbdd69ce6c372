package org.agentmon.usrtask.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.files.AtomicFiles;
import org.agentmon.platform.Labels;

/**
 * Linux: {@code ~/.config/autostart/org.agentmon.usrtask.desktop}. Where the installer put the
 * same entry in the system autostart directory, "off" writes a per-user entry with
 * {@code Hidden=true} (XDG autostart spec) and "on" removes it; otherwise the user's own entry is
 * written or removed.
 */
public final class XdgAutostartLoginItem implements LoginItem {
  static final String FILE = Labels.USRTASK + ".desktop";

  private final Path userEntry;
  private final Path systemEntry;
  private final List<String> argv;

  /**
   * @param userAutostartDir the user's autostart directory
   * @param systemAutostartDir the system-wide autostart directory
   * @param argv the command that starts UsrTask
   */
  public XdgAutostartLoginItem(Path userAutostartDir, Path systemAutostartDir, List<String> argv) {
    this.userEntry = userAutostartDir.resolve(FILE);
    this.systemEntry = systemAutostartDir.resolve(FILE);
    this.argv = List.copyOf(argv);
  }

  /** @return the entry this user's setting lives in */
  public Path userEntry() {
    return userEntry;
  }

  @Override
  public boolean isEnabled() {
    if (Files.exists(userEntry)) {
      return !hides(userEntry);
    }
    return Files.exists(systemEntry);
  }

  @Override
  public void setEnabled(boolean enabled) throws IOException {
    String exec = UsrTaskEntries.execLine(argv);
    if (Files.exists(systemEntry)) {
      if (enabled) {
        Files.deleteIfExists(userEntry);
      } else {
        writeUserEntry(UsrTaskEntries.desktopEntry(exec, true));
      }
    } else if (enabled) {
      writeUserEntry(UsrTaskEntries.desktopEntry(exec, false));
    } else {
      Files.deleteIfExists(userEntry);
    }
  }

  private void writeUserEntry(String text) throws IOException {
    Files.createDirectories(userEntry.getParent());
    AtomicFiles.write(userEntry, text.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean hides(Path entry) {
    try {
      return Files.readAllLines(entry).stream().map(String::strip)
          .anyMatch(l -> l.equals("Hidden=true") || l.equals("X-GNOME-Autostart-enabled=false"));
    } catch (IOException e) {
      return false; // an unreadable entry still starts UsrTask as far as the desktop can tell
    }
  }
}
