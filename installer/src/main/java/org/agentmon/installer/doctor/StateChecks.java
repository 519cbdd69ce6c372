package org.agentmon.installer.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.agentmon.installer.render.Modes;

/** The state directory and the enabled flag launchd's PathState / the path unit watch. */
final class StateChecks {
  private StateChecks() {}

  static CheckResult enabledFlag(String name, DoctorContext c) throws IOException {
    Path dir = c.file(c.layout.stateDir());
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return CheckResult.fail(name, c.layout.stateDir() + " is missing", c.installer("install"));
    }
    int mode = Modes.toMode(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS));
    if ((mode & 077) != 0 || c.uid(dir) != c.expectedOwner()) {
      return CheckResult.fail(name, c.layout.stateDir() + " is owned by uid " + c.uid(dir) + ", mode " + String.format("%04o", mode)
          + "; the helper's state must be root's alone (0700)",
          "sudo chown root '" + c.layout.stateDir() + "' && sudo chmod 700 '" + c.layout.stateDir() + "'");
    }
    boolean flag = Files.exists(c.file(c.layout.enabledFlag()), LinkOption.NOFOLLOW_LINKS);
    HelperAnswer a = c.helper();
    if (a.answered() && a.status().enabled() != flag) {
      // Out of step: the supervisor follows the flag, not the helper; start writes both again.
      return CheckResult.fail(name, "the helper says enabled=" + a.status().enabled() + " but "
          + c.layout.enabledFlag() + (flag ? " exists" : " is absent"), c.agentmon("start"));
    }
    if (!flag) {
      return CheckResult.warn(name, "the helper is stopped: " + c.layout.enabledFlag() + " is absent",
          c.agentmon("start"));
    }
    return CheckResult.pass(name, c.layout.enabledFlag() + " exists: the helper runs persistently");
  }
}
