package org.agentmon.usrtask.login;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * macOS 13+: whether an organization manages the login item through an MDM "Managed Login Items"
 * payload ({@code com.apple.servicemanagement}, rules of type {@code Label}, {@code LabelPrefix},
 * {@code BundleIdentifier} or {@code BundleIdentifierPrefix}). A managed item cannot be turned off
 * in System Settings, so "Start at Login" shows it as managed instead of offering a switch that
 * would not hold. A {@code TeamIdentifier} rule is not recognised here (the app does not know its
 * team at run time); README recommends a label-prefix rule.
 */
final class ManagedLoginItems {
  /** Where macOS keeps the installed payload's settings. */
  static final Path MANAGED = Path.of("/Library/Managed Preferences/com.apple.servicemanagement.plist");

  private ManagedLoginItems() {}

  /**
   * @param managed the managed preferences file
   * @param label the job label
   * @param bundleId the app's bundle identifier
   * @return why the user cannot change it, or null when no rule matches (or the file is absent or unreadable)
   */
  static String reason(Path managed, String label, String bundleId) {
    NSObject root;
    try {
      if (!Files.isRegularFile(managed) || Files.size(managed) > 1 << 20) {
        return null;
      }
      root = PropertyListParser.parse(Files.readAllBytes(managed));
    } catch (Exception e) { // dd-plist throws several unrelated types; unreadable means not managed
      return null;
    }
    if (!(root instanceof NSDictionary) || !(((NSDictionary) root).get("Rules") instanceof NSArray)) {
      return null;
    }
    for (NSObject o : ((NSArray) ((NSDictionary) root).get("Rules")).getArray()) {
      if (!(o instanceof NSDictionary)) {
        continue;
      }
      String type = string((NSDictionary) o, "RuleType");
      String value = string((NSDictionary) o, "RuleValue");
      if (type == null || value == null) {
        continue;
      }
      boolean match = switch (type) {
        case "Label" -> label.equals(value);
        case "LabelPrefix" -> label.startsWith(value);
        case "BundleIdentifier" -> bundleId.equals(value);
        case "BundleIdentifierPrefix" -> bundleId.startsWith(value);
        default -> false;
      };
      if (match) {
        return "managed by your organization (Login Items rule " + type + " " + value + ")";
      }
    }
    return null;
  }

  private static String string(NSDictionary d, String key) {
    Object v = d.get(key) == null ? null : d.get(key).toJavaObject();
    return v instanceof String ? (String) v : null;
  }
}
