package org.agentmon.usrtask.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.agentmon.files.AtomicFiles;
import org.agentmon.platform.CommandRunner;
import org.agentmon.platform.Labels;

/**
 * macOS: where the installer put {@code /Library/LaunchAgents/org.agentmon.usrtask.plist}, the
 * setting is launchd's per-user override ({@code launchctl disable|enable gui/<uid>/<label>},
 * read back with {@code print-disabled}), so no second job with the same label appears.
 * Otherwise it writes {@code ~/Library/LaunchAgents/org.agentmon.usrtask.plist} and bootstraps it
 * into {@code gui/<uid>}, or boots it out and removes it.
 */
public final class LaunchAgentLoginItem implements LoginItem {
  static final String FILE = Labels.USRTASK + ".plist";

  private final Path userPlist;
  private final Path systemPlist;
  private final long uid;
  private final List<String> argv;
  private final CommandRunner launchctl;
  private final Path managedPrefs;

  /**
   * @param userAgentsDir {@code ~/Library/LaunchAgents}
   * @param systemAgentsDir {@code /Library/LaunchAgents}
   * @param uid this user's id, for the {@code gui/<uid>} domain
   * @param argv the command that starts UsrTask; its first element is an absolute path
   * @param launchctl runs {@code launchctl}
   */
  public LaunchAgentLoginItem(Path userAgentsDir, Path systemAgentsDir, long uid, List<String> argv,
      CommandRunner launchctl) {
    this(userAgentsDir, systemAgentsDir, uid, argv, launchctl, ManagedLoginItems.MANAGED);
  }

  /** @param managedPrefs the MDM "Managed Login Items" settings file (tests put one elsewhere) */
  LaunchAgentLoginItem(Path userAgentsDir, Path systemAgentsDir, long uid, List<String> argv,
      CommandRunner launchctl, Path managedPrefs) {
    this.managedPrefs = managedPrefs;
    this.userPlist = userAgentsDir.resolve(FILE);
    this.systemPlist = systemAgentsDir.resolve(FILE);
    this.uid = uid;
    this.argv = List.copyOf(argv);
    this.launchctl = launchctl;
  }

  /** @return the per-user plist */
  public Path userPlist() {
    return userPlist;
  }

  @Override
  public boolean isEnabled() {
    if (!Files.exists(systemPlist)) {
      return Files.exists(userPlist);
    }
    try {
      String out = launchctl.check(List.of("launchctl", "print-disabled", domain()));
      Pattern off = Pattern.compile("\"" + Pattern.quote(Labels.USRTASK) + "\"\\s*=>\\s*(true|disabled)");
      return !off.matcher(out).find();
    } catch (IOException e) {
      return true; // launchd starts a system-wide agent unless told otherwise
    }
  }

  @Override
  public String managedReason() {
    return ManagedLoginItems.reason(managedPrefs, Labels.USRTASK, Labels.BUNDLE_ID);
  }

  @Override
  public void setEnabled(boolean enabled) throws IOException {
    String managed = managedReason();
    if (managed != null) {
      throw new IOException(managed + "; it cannot be changed here");
    }
    String service = domain() + "/" + Labels.USRTASK;
    if (Files.exists(systemPlist)) {
      launchctl.check(List.of("launchctl", enabled ? "enable" : "disable", service));
    } else if (enabled) {
      Files.createDirectories(userPlist.getParent());
      String plist = UsrTaskEntries.launchAgent(argv).toXMLPropertyList();
      AtomicFiles.write(userPlist, plist.getBytes(StandardCharsets.UTF_8));
      launchctl.check(List.of("launchctl", "bootstrap", domain(), userPlist.toString()));
    } else if (Files.exists(userPlist)) {
      try {
        launchctl.check(List.of("launchctl", "bootout", service));
      } catch (IOException notLoaded) {
        // Not loaded is what we want; the file goes either way.
      }
      Files.delete(userPlist);
    }
  }

  private String domain() {
    return "gui/" + uid;
  }
}
