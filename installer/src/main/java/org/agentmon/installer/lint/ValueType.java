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
   * Adds findings for a value of this type: a value of the wrong kind is one error, a value of the
   * right kind is checked {@linkplain #checkInside inside}.
   *
   * @param key the value's key path
   * @param value the value
   * @param out where findings go
   */
  default void check(String key, NSObject value, List<Finding> out) {
    if (accepts(value)) {
      checkInside(key, value, out);
    } else {
      out.add(Finding.error(key, "expected " + describe() + ", found " + Kinds.describe(value)));
    }
  }

  /**
   * Adds findings for what is wrong inside a value this type {@linkplain #accepts accepts}.
   *
   * @param key the value's key path
   * @param value the value, of this type's kind
   * @param out where findings go
   */
  void checkInside(String key, NSObject value, List<Finding> out);
}
