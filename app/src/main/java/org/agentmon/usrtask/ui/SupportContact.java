package org.agentmon.usrtask.ui;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.PropertyListParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.upstream.ConfigLoader;

/**
 * Whom read-only users should ask: the {@code SupportContact} key of the managed preferences
 * (the helper's own files, later ones win). Missing or unreadable: "your IT department".
 */
final class SupportContact {
  static final String KEY = "SupportContact";

  private SupportContact() {}

  /** @return the configured contact from the platform's preference files, or null */
  static String fromPreferences() {
    return read(ConfigLoader.defaultFiles());
  }

  static String read(List<Path> files) {
    String found = null;
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        continue;
      }
      try {
        NSObject root = PropertyListParser.parse(f.toFile());
        if (root instanceof NSDictionary d && d.objectForKey(KEY) instanceof NSString s && !s.getContent().isBlank()) {
          found = s.getContent().strip();
        }
      } catch (Exception e) { // dd-plist throws many kinds; an unreadable file just has no contact
        continue;
      }
    }
    return found;
  }
}
