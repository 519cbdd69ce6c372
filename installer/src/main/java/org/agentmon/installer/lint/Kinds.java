package org.agentmon.installer.lint;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.util.Map;

/** Names a plist value's kind for messages, e.g. {@code string "yes"}. */
final class Kinds {
  /** The kinds named by their type alone; strings and numbers also show the value. */
  private static final Map<Class<? extends NSObject>, String> NAMES = Map.of(
      NSArray.class, "array", NSDictionary.class, "dictionary", NSData.class, "data", NSDate.class, "date");

  private Kinds() {}

  static String describe(NSObject value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof NSString s) {
      return "string \"" + s.getContent() + "\"";
    }
    if (value instanceof NSNumber n) {
      return number(n);
    }
    return NAMES.entrySet().stream().filter(k -> k.getKey().isInstance(value)).map(Map.Entry::getValue)
        .findFirst().orElse(value.getClass().getSimpleName());
  }

  private static String number(NSNumber n) {
    switch (n.type()) {
      case NSNumber.BOOLEAN:
        return "boolean " + n.boolValue();
      case NSNumber.INTEGER:
        return "integer " + n.longValue();
      default:
        return "real " + n.doubleValue();
    }
  }
}
