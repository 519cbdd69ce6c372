package org.agentmon.installer.install;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.agentmon.installer.render.Labels;
import org.agentmon.installer.render.Layout;

/**
 * launchd with the modern verbs: {@code bootout} an old job, {@code enable} (clears a disabled
 * override, without which {@code bootstrap} fails), {@code bootstrap} into the system domain,
 * and the LaunchAgent into each logged-in user's {@code gui/<uid>} domain.
 */
final class LaunchdManager implements ServiceManager {
  static final String LAUNCHCTL = "launchctl";
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
    bootoutIfLoaded(a, helperTarget());
    a.run(List.of(LAUNCHCTL, "enable", helperTarget()));
    a.run(List.of(LAUNCHCTL, "bootstrap", "system", layout.helperJobFile()));
    if (users == null) {
      a.runIf("for each logged-in user", List.of(LAUNCHCTL, "bootstrap", "gui/<uid>", layout.loginItemFile()));
      return;
    }
    for (int uid : users) {
      bootoutIfLoaded(a, agentTarget(uid));
      a.run(List.of(LAUNCHCTL, "bootstrap", "gui/" + uid, layout.loginItemFile()));
    }
  }

  @Override
  public void deactivate(ServiceActions a) throws IOException {
    List<Integer> users = guiUsers(a);
    if (users == null) {
      a.runIf("for each logged-in user, if loaded", List.of(LAUNCHCTL, "bootout", "gui/<uid>/" + Labels.USRTASK));
    } else {
      for (int uid : users) {
        bootoutIfLoaded(a, agentTarget(uid));
      }
    }
    bootoutIfLoaded(a, helperTarget());
  }

  @Override
  public void afterRemoval(ServiceActions a) {
    // launchd forgets a job at bootout; nothing to reload.
  }

  private static void bootoutIfLoaded(ServiceActions a, String target) throws IOException {
    List<String> bootout = List.of(LAUNCHCTL, "bootout", target);
    CommandResult print = a.query(List.of(LAUNCHCTL, "print", target));
    if (print == null) {
      a.runIf("if loaded", bootout);
    } else if (print.ok()) {
      a.run(bootout);
    } else {
      a.skip(bootout, "not loaded");
    }
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
