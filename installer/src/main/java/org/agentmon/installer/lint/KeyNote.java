package org.agentmon.installer.lint;

import com.dd.plist.NSObject;
import java.util.List;

/**
 * A key whose mere presence is worth a finding, with its value still checked: an Apple-private
 * key that launchd honours (a note), or a key launchd no longer supports (a warning).
 *
 * @param type the value's type, still checked
 * @param severity the finding's severity
 * @param message what the finding says
 */
record KeyNote(ValueType type, Severity severity, String message) implements ValueType {
  /** A key launchd.plist(5) does not document, but Apple's own jobs use and launchd honours. */
  static KeyNote privateKey(ValueType type) {
    return new KeyNote(type, Severity.NOTE,
        "private key: not in launchd.plist(5), but Apple's own jobs use it and launchd honours it; it may change without notice");
  }

  /** A key launchd accepted once and now ignores. */
  static KeyNote retired(ValueType type, String why) {
    return new KeyNote(type, Severity.WARNING, why);
  }

  @Override
  public String describe() {
    return type.describe();
  }

  @Override
  public boolean accepts(NSObject value) {
    return type.accepts(value);
  }

  @Override
  public void check(String key, NSObject value, List<Finding> out) {
    out.add(new Finding(severity, key, message));
    ValueType.super.check(key, value, out);
  }

  @Override
  public void checkInside(String key, NSObject value, List<Finding> out) {
    type.checkInside(key, value, out);
  }
}
