package org.agentmon.installer.lint;

import com.dd.plist.NSObject;
import java.util.List;

/** A launchd value type: whether a plist value is of this kind, and what is wrong inside it. */
interface ValueType {
  /** @return the type's name in messages, e.g. {@code boolean} or {@code array of string} */
  String describe();

  /** @return true if the value is of this type's kind (its content may still be wrong) */
  boolean accepts(NSObject value);

  /**
   * Adds findings for a value of this type; a value of the wrong kind is reported here too.
   *
   * @param key the value's key path
   * @param value the value
   * @param out where findings go
   */
  void check(String key, NSObject value, List<Finding> out);

  /** Reports a value of the wrong kind. */
  static void mismatch(ValueType expected, String key, NSObject value, List<Finding> out) {
    out.add(Finding.error(key, "expected " + expected.describe() + ", found " + Kinds.describe(value)));
  }
}
