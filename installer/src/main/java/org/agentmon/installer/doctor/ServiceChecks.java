package org.agentmon.installer.doctor;

import java.io.IOException;
import java.util.List;
import org.agentmon.installer.install.DisabledServices;
import org.agentmon.platform.CommandResult;
import org.agentmon.platform.Labels;

/** What launchd or systemd think of the job: loaded, and not disabled by an override. */
final class ServiceChecks {
  private ServiceChecks() {}

  static CheckResult jobLoaded(String name, DoctorContext c) throws IOException {
    List<String> cmd = c.mac() ? List.of("launchctl", "print", "system/" + Labels.HELPER)
        : List.of("systemctl", "is-active", Labels.SOCKET_UNIT);
    CommandResult r = c.query(cmd);
    if (r == null) {
      return CheckResult.warn(name, "cannot check: " + c.whyNoSupervisor(), "run doctor on the installed machine");
    }
    if (c.mac() ? r.ok() : "active".equals(r.output().trim())) {
      return CheckResult.pass(name, String.join(" ", cmd) + ": loaded");
    }
    return CheckResult.fail(name, String.join(" ", cmd) + " says the job is not loaded ("
        + firstLine(r.output()) + ")", c.loadCommand());
  }

  static CheckResult jobDisabled(String name, DoctorContext c) throws IOException {
    if (c.mac()) {
      CommandResult r = c.query(List.of("launchctl", "print-disabled", "system"));
      if (r == null) {
        return CheckResult.warn(name, "cannot check: " + c.whyNoSupervisor(), "run doctor on the installed machine");
      }
      if (DisabledServices.disabled(r.output(), Labels.HELPER)) {
        return CheckResult.fail(name, "launchd has a disabled override for " + Labels.HELPER
            + " (launchctl print-disabled system)", "sudo launchctl enable system/" + Labels.HELPER);
      }
      return CheckResult.pass(name, "no disabled override for " + Labels.HELPER);
    }
    CommandResult r = c.query(List.of("systemctl", "is-enabled", Labels.SOCKET_UNIT));
    if (r == null) {
      return CheckResult.warn(name, "cannot check: " + c.whyNoSupervisor(), "run doctor on the installed machine");
    }
    String state = r.output().trim();
    if ("enabled".equals(state)) {
      return CheckResult.pass(name, Labels.SOCKET_UNIT + " is enabled");
    }
    if (state.startsWith("masked")) {
      return CheckResult.fail(name, Labels.SOCKET_UNIT + " is masked",
          "sudo systemctl unmask " + Labels.SOCKET_UNIT + " && sudo systemctl enable --now " + Labels.SOCKET_UNIT);
    }
    return CheckResult.fail(name, Labels.SOCKET_UNIT + " is " + (state.isEmpty() ? "not enabled" : state),
        c.loadCommand());
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
