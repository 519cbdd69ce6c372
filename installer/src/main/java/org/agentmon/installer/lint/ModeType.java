package org.agentmon.installer.lint;

import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import java.util.List;

/**
 * A permission-bits integer ({@code SockPathMode}, an integer {@code Umask}). Plists have no octal
 * integers: {@code <integer>666</integer>} is decimal 666, i.e. octal 01232, almost certainly
 * 0666 written by mistake, so a value of 100 or more whose digits are all 0-7 is a warning.
 * launchd hands the value to {@code chmod}/{@code umask}, which keep only the permission bits,
 * so a larger value (Apple's own cupsd has 49663, i.e. 0140777 with the socket type bits) is a
 * warning too, not an error.
 */
final class ModeType implements ValueType {
  private final long bits;

  /** @param bits the bits the kernel keeps, e.g. 07777 for chmod and 0777 for umask */
  ModeType(long bits) {
    this.bits = bits;
  }

  @Override
  public String describe() {
    return "integer";
  }

  @Override
  public boolean accepts(NSObject value) {
    return value instanceof NSNumber && ((NSNumber) value).type() == NSNumber.INTEGER;
  }

  @Override
  public void checkInside(String key, NSObject value, List<Finding> out) {
    long v = ((NSNumber) value).longValue();
    if (v < 0) {
      out.add(Finding.error(key, v + " is negative; a mode is 0.." + bits + " (octal 0" + Long.toOctalString(bits) + ")"));
    } else if (v > bits) {
      out.add(Finding.warning(key, v + " (octal 0" + Long.toOctalString(v) + ") has bits above 0"
          + Long.toOctalString(bits) + "; they are dropped and 0" + Long.toOctalString(v & bits) + " applies"));
    } else if (v >= 100 && String.valueOf(v).chars().allMatch(c -> c >= '0' && c <= '7')) {
      out.add(Finding.warning(key, v + " is decimal (octal 0" + Long.toOctalString(v) + "); plists have no octal"
          + " integers: for mode 0" + v + " write " + Long.parseLong(String.valueOf(v), 8)));
    }
  }
}
