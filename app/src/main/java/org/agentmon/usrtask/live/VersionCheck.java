package org.agentmon.usrtask.live;

import org.agentmon.client.HelperClient;
import org.agentmon.protocol.Status;

/** Compares UsrTask's build with the helper's, in the words the status window shows. */
final class VersionCheck {
  private VersionCheck() {}

  /** @return null when both are the same build, else "Version mismatch: this app x, helper y" */
  static String mismatch(Status s) {
    return HelperClient.versionMismatch("this app", s.version(), s.buildId());
  }
}
