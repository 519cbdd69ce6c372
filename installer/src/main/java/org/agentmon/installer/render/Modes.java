package org.agentmon.installer.render;

import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** Converts between octal modes and {@code rwxr-xr-x} strings / permission sets. */
public final class Modes {
  private Modes() {}

  /**
   * @param mode e.g. {@code 0644}
   * @return e.g. {@code rw-r--r--}
   */
  public static String toString(int mode) {
    String rwx = "rwxrwxrwx";
    StringBuilder s = new StringBuilder(9);
    for (int i = 0; i < 9; i++) {
      s.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
    }
    return s.toString();
  }

  /**
   * @param perms a permission set
   * @return the octal mode bits
   */
  public static int toMode(Set<PosixFilePermission> perms) {
    int mode = 0;
    for (PosixFilePermission p : perms) {
      mode |= 1 << (8 - p.ordinal());
    }
    return mode;
  }
}
