package org.agentmon.installer.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.agentmon.Build;
import org.agentmon.platform.Labels;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;

/** Checks on the socket and on what the helper behind it says. */
final class SocketChecks {
  /** Starts per hour above which a helper is restarting too often even if not yet in safe mode. */
  static final int MANY_STARTS_PER_HOUR = 5;

  private SocketChecks() {}

  static CheckResult socketDirSafe(String name, DoctorContext c) throws IOException {
    Path socket = c.file(c.layout.socket());
    Path dir = socket.getParent();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return CheckResult.warn(name, dir + " does not exist yet (the supervisor creates it when it loads the job)",
          c.loadCommand());
    }
    int owner = c.expectedOwner();
    int uid = c.uid(dir);
    int gid = c.gid(dir);
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
    // macOS ships /var/run as root:daemon 0775; group daemon (1) is a system group, so that is fine.
    boolean badGroupWrite = perms.contains(PosixFilePermission.GROUP_WRITE) && gid != 0 && gid != 1;
    if (uid != owner || perms.contains(PosixFilePermission.OTHERS_WRITE) || badGroupWrite) {
      return CheckResult.fail(name, dir + " (" + uid + ":" + gid + " " + java.nio.file.attribute.PosixFilePermissions
          .toString(perms) + ") lets others plant or replace the helper's socket",
          "sudo chown root '" + dir + "' && sudo chmod go-w '" + dir + "'");
    }
    if (Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isSymbolicLink(socket) || Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS)
          || Files.isDirectory(socket, LinkOption.NOFOLLOW_LINKS)) {
        return CheckResult.fail(name, socket + " is not a socket (planted or left over)",
            "sudo rm -rf '" + c.layout.socket() + "' && " + c.restartCommand());
      }
      if (c.uid(socket) != owner) {
        return CheckResult.fail(name, socket + " belongs to uid " + c.uid(socket) + ", not to " + owner
            + ": someone else's socket in the helper's place", "sudo rm '" + c.layout.socket() + "' && " + c.restartCommand());
      }
    }
    return CheckResult.pass(name, dir + " is writable only by root");
  }

  static CheckResult socketAnswers(String name, DoctorContext c) {
    HelperAnswer a = c.helper();
    String socket = c.layout.socket();
    if (a.answered()) {
      Status s = a.status();
      return CheckResult.pass(name, "helper pid " + s.pid() + " answers: " + s.state() + ", version " + s.version());
    }
    switch (a.problem()) {
      case HelperAnswer.ABSENT:
        return CheckResult.fail(name, "no socket at " + socket + ": the job is not loaded", c.loadCommand());
      case HelperAnswer.REFUSED:
        return CheckResult.fail(name, "stale socket file " + socket + ": nothing listens on it (" + a.detail() + ")",
            "sudo rm '" + socket + "' && " + (c.mac() ? "sudo launchctl bootout system/" + Labels.HELPER + "; "
                + c.loadCommand() : "sudo systemctl restart " + Labels.SOCKET_UNIT));
      case HelperAnswer.DENIED:
        return CheckResult.fail(name, "permission denied on " + socket + " (" + a.detail() + ")",
            "the socket must be mode 0666 in a root-owned directory: " + c.restartCommand());
      default:
        return CheckResult.fail(name, "the helper on " + socket + " did not answer properly: " + a.detail(),
            c.restartCommand() + "; then see " + c.logHint());
    }
  }

  static CheckResult helperVersion(String name, DoctorContext c) {
    return whenAnswered(c, name, SocketChecks::helperVersion);
  }

  private static CheckResult helperVersion(DoctorContext c, String name, Status s) {
    if (!Build.version().equals(s.version())) {
      return CheckResult.fail(name, "helper " + s.version() + " is running, this installer bundles " + Build.version(),
          c.installer("upgrade"));
    }
    if (!Build.buildId().equals(s.buildId())) {
      return CheckResult.warn(name, "helper build " + s.buildId() + " is running, this installer bundles build "
          + Build.buildId() + " (same version " + s.version() + ")", c.installer("upgrade"));
    }
    return CheckResult.pass(name, "helper " + s.version() + " (build " + s.buildId() + ") is the bundled one");
  }

  static CheckResult crashLoop(String name, DoctorContext c) {
    return whenAnswered(c, name, SocketChecks::crashLoop);
  }

  private static CheckResult crashLoop(DoctorContext c, String name, Status s) {
    if (s.state() == RunState.SAFE_MODE) {
      return CheckResult.fail(name, "helper is in safe mode after " + s.startsInLastHour() + " starts in the last hour"
          + (s.reason() == null ? "" : ": " + s.reason()),
          "fix the cause (see " + c.logHint() + "), then: " + c.agentmon("restart"));
    }
    if (s.startsInLastHour() > MANY_STARTS_PER_HOUR) {
      return CheckResult.warn(name, "helper started " + s.startsInLastHour() + " times in the last hour"
          + (s.lastExit() == null ? "" : "; last exit: " + s.lastExit()), "see " + c.logHint());
    }
    return CheckResult.pass(name, "not in safe mode (" + s.startsInLastHour() + " starts in the last hour)");
  }

  /** A check of what the helper reports about itself. */
  private interface StatusCheck {
    CheckResult run(DoctorContext c, String name, Status s);
  }

  /** Runs a check on the helper's status; a WARN when the helper does not answer (socket-answers says why). */
  private static CheckResult whenAnswered(DoctorContext c, String name, StatusCheck check) {
    HelperAnswer a = c.helper();
    if (!a.answered()) {
      return CheckResult.warn(name, "cannot tell: the helper does not answer", "see socket-answers");
    }
    return check.run(c, name, a.status());
  }
}
