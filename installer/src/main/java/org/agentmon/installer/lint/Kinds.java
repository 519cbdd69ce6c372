package org.agentmon.installer.lint;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDate;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;

/** Names a plist value's kind for messages, e.g. {@code string "yes"}. */
final class Kinds {
  private Kinds() {}

  static String describe(NSObject value) {
    if (value instanceof NSString) {
      return "string \"" + ((NSString) value).getContent() + "\"";
    }
    if (value instanceof NSNumber) {
      NSNumber n = (NSNumber) value;
      switch (n.type()) {
        case NSNumber.BOOLEAN:
          return "boolean " + n.boolValue();
        case NSNumber.INTEGER:
          return "integer " + n.longValue();
        default:
          return "real " + n.doubleValue();
      }
    }
    if (value instanceof NSArray) {
      return "array";
    }
    if (value instanceof NSDictionary) {
      return "dictionary";
    }
    if (value instanceof NSData) {
      return "data";
    }
    if (value instanceof NSDate) {
      return "date";
    }
    return value == null ? "nothing" : value.getClass().getSimpleName();
  }
}
