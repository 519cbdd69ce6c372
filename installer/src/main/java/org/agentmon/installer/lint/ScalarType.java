package org.agentmon.installer.lint;

import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import java.util.List;

/** A string (optionally one of a set of values), a boolean or an integer (optionally in a range). */
final class ScalarType implements ValueType {
  enum Kind { STRING, BOOLEAN, INTEGER, ANY }

  static final ScalarType STRING = new ScalarType(Kind.STRING, List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
  static final ScalarType BOOLEAN = new ScalarType(Kind.BOOLEAN, List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
  static final ScalarType INTEGER = new ScalarType(Kind.INTEGER, List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
  /** Anything at all: keys whose content launchd passes through (e.g. LaunchEvents). */
  static final ScalarType ANY = new ScalarType(Kind.ANY, List.of(), Long.MIN_VALUE, Long.MAX_VALUE);

  private final Kind kind;
  private final List<String> values;
  private final long min;
  private final long max;

  private ScalarType(Kind kind, List<String> values, long min, long max) {
    this.kind = kind;
    this.values = values;
    this.min = min;
    this.max = max;
  }

  /** A string from a fixed set; launchd compares these without case, so case is only a warning. */
  static ScalarType oneOf(String... values) {
    return new ScalarType(Kind.STRING, List.of(values), Long.MIN_VALUE, Long.MAX_VALUE);
  }

  static ScalarType range(long min, long max) {
    return new ScalarType(Kind.INTEGER, List.of(), min, max);
  }

  /** An integer of at least {@code min}, e.g. a time in seconds that must not be negative. */
  static ScalarType atLeast(long min) {
    return new ScalarType(Kind.INTEGER, List.of(), min, Long.MAX_VALUE);
  }

  @Override
  public String describe() {
    return kind == Kind.ANY ? "any value" : kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public boolean accepts(NSObject value) {
    switch (kind) {
      case STRING:
        return value instanceof NSString;
      case BOOLEAN:
        return value instanceof NSNumber && ((NSNumber) value).type() == NSNumber.BOOLEAN;
      case INTEGER:
        return value instanceof NSNumber && ((NSNumber) value).type() == NSNumber.INTEGER;
      default:
        return true;
    }
  }

  @Override
  public void checkInside(String key, NSObject value, List<Finding> out) {
    if (!values.isEmpty()) {
      String s = ((NSString) value).getContent();
      if (!values.contains(s)) {
        String sameButCase = values.stream().filter(v -> v.equalsIgnoreCase(s)).findFirst().orElse(null);
        if (sameButCase != null) {
          out.add(Finding.warning(key, "\"" + s + "\" is usually written \"" + sameButCase + "\""));
        } else {
          out.add(Finding.error(key, "\"" + s + "\" is not one of " + String.join(", ", values)));
        }
      }
    }
    if (kind == Kind.INTEGER) {
      long v = ((NSNumber) value).longValue();
      if (max == Long.MAX_VALUE && v < min) {
        out.add(Finding.error(key, v + " is below " + min + (min == 0 ? "; must not be negative" : "")));
      } else if (v < min || v > max) {
        out.add(Finding.error(key, v + " is out of range " + min + ".." + max));
      }
    }
  }
}
