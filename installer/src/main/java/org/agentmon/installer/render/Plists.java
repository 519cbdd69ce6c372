package org.agentmon.installer.render;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSString;
import java.util.List;

/** Small dd-plist helpers shared by the plist renderers. */
final class Plists {
  private Plists() {}

  static NSArray strings(List<String> values) {
    NSArray array = new NSArray(values.size());
    for (int i = 0; i < values.size(); i++) {
      array.setValue(i, new NSString(values.get(i)));
    }
    return array;
  }

  static NSDictionary dict(Object... keysAndValues) {
    NSDictionary d = new NSDictionary();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      d.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return d;
  }
}
