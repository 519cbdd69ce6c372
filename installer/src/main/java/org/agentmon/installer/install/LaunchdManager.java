package org.agentmon.installer.install;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.agentmon.installer.render.Layout;
import org.agentmon.platform.CommandResult;
import org.agentmon.platform.Labels;

/**
 * launchd with the modern verbs: {@code bootout} an old job, {@code enable} (clears a disabled
 * override, without which {@code bootstrap} fails; only a fresh install does this), {@code
 * bootstrap} into the system domain, and the LaunchAgent into each logged-in user's {@code
 * gui/<uid>} domain. The system steps must succeed; the per-user steps are best-effort, because a
 * user who turned Start at Login off has a disabled override that makes {@code bootstrap} fail
 * ("119: Service is disabled"), and such a user is skipped, not an installation failure.
 */
final class LaunchdManager implements ServiceManager {
  static final String LAUNCHCTL = "launchctl";
  /** launchctl's error when the job has a disabled override. */
  static final int SERVICE_DISABLED = 119;
  /** EIO: bootstrap right after bootout, while launchd is still tearing the old job down. */
  static final int IO_ERROR = 5;
  static final int BOOTSTRAP_TRIES = 3;
  static final Duration RETRY_DELAY = Duration.ofSeconds(1);
  private final Layout layout;

  LaunchdManager(Layout layout) {
    this.layout = layout;
  }

  static String helperTarget() {
    return "system/" + Labels.HELPER;
  }

  static String agentTarget(int uid) {
    return "gui/" + uid + "/" + Labels.USRTASK;
  }

  @Override
  public void activate(ServiceActions a, boolean upgrade) throws IOException {
    List<Integer> users = guiUsers(a);
    bootoutIfLoaded(a, helperTarget(), true);
    List<String> bootstrap = List.of(LAUNCHCTL, "bootstrap", "system", layout.helperJobFile());
    if (!upgrade) {
      a.run(List.of(LAUNCHCTL, "enable", helperTarget()));
      bootstrapRequired(a, bootstrap, null);
    } else if (Boolean.TRUE.equals(disabled(a, "system", Labels.HELPER))) {
      // An upgrade keeps an administrator's "launchctl disable"; only install enables.
      a.skip(bootstrap, "an administrator disabled " + Labels.HELPER + "; to start it: launchctl enable "
          + helperTarget() + " && launchctl bootstrap system " + layout.helperJobFile());
    } else {
      bootstrapRequired(a, bootstrap, "unless launchctl print-disabled system lists " + Labels.HELPER + " as disabled");
    }
    if (users == null) {
      a.runIf("for each logged-in user who did not turn Start at Login off",
          List.of(LAUNCHCTL, "bootstrap", "gui/<uid>", layout.loginItemFile()));
      return;
    }
    for (int uid : users) {
      startAgent(a, uid);
    }
  }

  private void bootstrapRequired(ServiceActions a, List<String> bootstrap, String condition) throws IOException {
    CommandResult r = bootstrap(a, bootstrap, condition);
    if (r != null && !r.ok()) {
      throw Actions.failed(bootstrap, r);
    }
  }

  /** One user's LaunchAgent: skipped when the user turned it off; a failure is a warning. */
  private void startAgent(ServiceActions a, int uid) throws IOException {
    List<String> bootstrap = List.of(LAUNCHCTL, "bootstrap", "gui/" + uid, layout.loginItemFile());
    if (Boolean.TRUE.equals(disabled(a, "gui/" + uid, Labels.USRTASK))) {
      bootoutIfLoaded(a, agentTarget(uid), false);
      a.skip(bootstrap, "user " + uid + " turned Start at Login off");
      return;
    }
    if (!bootoutIfLoaded(a, agentTarget(uid), false)) {
      return;
    }
    CommandResult r = bootstrap(a, bootstrap, null);
    if (r != null && !r.ok()) {
      boolean off = r.exitCode() == SERVICE_DISABLED || r.output().contains(SERVICE_DISABLED + ": ");
      a.say("warning: " + (off ? "user " + uid + " turned Start at Login off; " : "")
          + "AgentMon was not started for user " + uid + " (exit " + r.exitCode() + ": "
          + firstLine(r.output()) + "); it starts at their next login");
    }
  }

  /** Bootstraps, retrying the EIO that a bootstrap right after a bootout can meet. */
  private static CommandResult bootstrap(ServiceActions a, List<String> command, String condition) throws IOException {
    for (int attempt = 1; ; attempt++) {
      CommandResult r = a.attempt(command, condition);
      boolean busy = r != null && (r.exitCode() == IO_ERROR || r.output().contains(": " + IO_ERROR + ": "));
      if (!busy || attempt == BOOTSTRAP_TRIES) {
        return r;
      }
      a.say("launchd is still removing the old job (" + firstLine(r.output()) + "); trying again in "
          + RETRY_DELAY.toSeconds() + " s");
      a.pause(RETRY_DELAY);
    }
  }

  /** @return whether {@code domain} has a disabled override for {@code label}; null when unknown */
  private static Boolean disabled(ServiceActions a, String domain, String label) throws IOException {
    CommandResult r = a.query(List.of(LAUNCHCTL, "print-disabled", domain));
    return r == null || !r.ok() ? null : DisabledServices.disabled(r.output(), label);
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  @Override
  public void deactivate(ServiceActions a) throws IOException {
    List<Integer> users = guiUsers(a);
    if (users == null) {
      a.runIf("for each logged-in user, if loaded", List.of(LAUNCHCTL, "bootout", "gui/<uid>/" + Labels.USRTASK));
    } else {
      for (int uid : users) {
        bootoutIfLoaded(a, agentTarget(uid), false);
      }
    }
    bootoutIfLoaded(a, helperTarget(), true);
  }

  @Override
  public void afterRemoval(ServiceActions a) {
    // launchd forgets a job at bootout; nothing to reload.
  }

  /**
   * @param required a failure is an error; otherwise (a user's job) a warning
   * @return false when a best-effort bootout failed (the job is still loaded)
   */
  private static boolean bootoutIfLoaded(ServiceActions a, String target, boolean required) throws IOException {
    List<String> bootout = List.of(LAUNCHCTL, "bootout", target);
    CommandResult print = a.query(List.of(LAUNCHCTL, "print", target));
    if (print == null) {
      a.runIf("if loaded", bootout);
    } else if (!print.ok()) {
      a.skip(bootout, "not loaded");
    } else if (required) {
      a.run(bootout);
    } else {
      CommandResult r = a.attempt(bootout, null);
      // 3 (ESRCH): gone between print and bootout, which is what we wanted.
      if (r != null && !r.ok() && r.exitCode() != 3) {
        a.say("warning: could not stop AgentMon for " + target + " (exit " + r.exitCode() + ": "
            + firstLine(r.output()) + "); leaving it as it is");
        return false;
      }
    }
    return true;
  }

  /**
   * Users with a graphical session: every non-root owner of a {@code loginwindow} process (one
   * per session, also with fast user switching).
   *
   * @return their uids in order, or null when launchd cannot be asked
   */
  static List<Integer> guiUsers(ServiceActions a) throws IOException {
    CommandResult ps = a.query(List.of("/bin/ps", "-axo", "uid=,comm="));
    if (ps == null) {
      return null;
    }
    if (!ps.ok()) {
      throw new InstallException("failed (exit " + ps.exitCode() + "): /bin/ps -axo uid=,comm=\n" + ps.output());
    }
    TreeSet<Integer> uids = new TreeSet<>();
    for (String line : ps.output().split("\n")) {
      String[] parts = line.trim().split("\\s+", 2);
      if (parts.length == 2 && (parts[1].equals("loginwindow") || parts[1].endsWith("/loginwindow"))) {
        try {
          int uid = Integer.parseInt(parts[0]);
          if (uid != 0) {
            uids.add(uid);
          }
        } catch (NumberFormatException e) {
          // Not a process line.
        }
      }
    }
    return List.copyOf(uids);
  }
}
