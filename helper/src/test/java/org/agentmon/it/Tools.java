package org.agentmon.it;

import java.io.File;

/** Whether an external program is on the PATH, for visible skips. */
final class Tools {
  private Tools() {}

  static boolean has(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (new File(dir, program).canExecute()) {
        return true;
      }
    }
    return false;
  }

  static boolean isRoot() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }
}
