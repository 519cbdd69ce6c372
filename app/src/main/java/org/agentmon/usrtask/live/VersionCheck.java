package org.agentmon.usrtask.live;

import java.util.Objects;
import org.agentmon.Build;
import org.agentmon.protocol.Status;

/** Compares UsrTask's build with the helper's, in the words the status window shows. */
final class VersionCheck {
  private VersionCheck() {}

  /** @return null when both are the same build, else "Version mismatch: UsrTask x, helper y" */
  static String mismatch(Status s) {
    return mismatch(Build.version(), Build.buildId(), s.version(), s.buildId());
  }

  static String mismatch(String ourVersion, String ourBuild, String helperVersion, String helperBuild) {
    if (Objects.equals(ourVersion, helperVersion)) {
      if (helperBuild == null || Objects.equals(ourBuild, helperBuild)) {
        return null;
      }
      return "Version mismatch: UsrTask " + ourVersion + " (build " + ourBuild + "), helper " + helperVersion
          + " (build " + helperBuild + ")";
    }
    return "Version mismatch: UsrTask " + ourVersion + ", helper " + helperVersion;
  }
}
