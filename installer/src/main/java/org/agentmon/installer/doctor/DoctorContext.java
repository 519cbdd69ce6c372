package org.agentmon.installer.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.agentmon.installer.install.Host;
import org.agentmon.installer.install.InstallTarget;
import org.agentmon.installer.render.Layout;
import org.agentmon.platform.CommandResult;
import org.agentmon.platform.CommandRunner;
import org.agentmon.platform.Labels;
import org.agentmon.platform.Platform;
import org.agentmon.platform.SystemPaths;

/**
 * What every check looks at: the layout under a root, the service manager (through the
 * runner), and the helper's answer, asked once and shared.
 */
final class DoctorContext {
  final Path root;
  final Layout layout;
  final CommandRunner runner;
  final Host host;
  final String version;
  private final boolean askSupervisor;
  private final Supplier<HelperAnswer> ask;
  private HelperAnswer answer;

  DoctorContext(InstallTarget target, CommandRunner runner, Host host, Supplier<HelperAnswer> ask) {
    this.root = target.root();
    this.layout = target.layout();
    this.version = target.version();
    this.askSupervisor = target.manageServices();
    this.runner = runner;
    this.host = host;
    this.ask = ask;
  }

  /** @return the file behind a system path */
  Path file(String systemPath) {
    return root.resolve(systemPath.substring(1));
  }

  boolean mac() {
    return layout.platform() == Platform.MACOS;
  }

  boolean systemRoot() {
    return root.getParent() == null;
  }

  /** @return the uid our files should belong to: root, or (staging tree, not root) ourselves */
  int expectedOwner() {
    return systemRoot() || host.root() ? 0 : host.uid();
  }

  /** @return the helper's answer, asked on first use */
  synchronized HelperAnswer helper() {
    if (answer == null) {
      answer = ask.get();
    }
    return answer;
  }

  /** @return the service manager's answer, or null where it cannot be asked (not running, staging root) */
  CommandResult query(java.util.List<String> command) throws IOException {
    if (!askSupervisor || !host.supervisorRunning()) {
      return null;
    }
    return runner.run(command);
  }

  /** @return why the service manager cannot be asked */
  String whyNoSupervisor() {
    return !askSupervisor ? "not the running system (--root " + root + ")" : host.whyNot();
  }

  int uid(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }

  int gid(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
  }

  /** @return the command that (re)loads the helper's job, for fix lines */
  String loadCommand() {
    return mac() ? "sudo launchctl bootstrap system " + layout.helperJobFile()
        : "sudo systemctl enable --now " + Labels.SOCKET_UNIT + " " + Labels.PATH_UNIT;
  }

  /** @return the command that restarts the helper, for fix lines */
  String restartCommand() {
    return mac() ? "sudo launchctl kickstart -k system/" + Labels.HELPER
        : "sudo systemctl restart " + Labels.SERVICE_UNIT;
  }

  /** @return {@code sudo <installer launcher> <verb>}, for fix lines */
  String installer(String verb) {
    return "sudo " + typed(layout.installerProgram()) + " " + verb;
  }

  /** @return {@code sudo <agentmon launcher> <verb>}, for fix lines */
  String agentmon(String verb) {
    return "sudo " + typed(layout.launcherDir() + "/agentmon") + " " + verb;
  }

  /**
   * @return a launcher the way a person types it: its bare name where the package linked it into
   *     the commands directory on the PATH (the Linux packages' {@code /usr/bin} links), else its full path
   */
  private String typed(String launcher) {
    String dir = SystemPaths.commandLinkDir(layout.platform());
    String name = launcher.substring(launcher.lastIndexOf('/') + 1);
    if (dir != null) {
      Path link = file(dir + "/" + name);
      try {
        if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).toString().equals(launcher)) {
          return name;
        }
      } catch (IOException e) {
        // an unreadable link: say the full path, which works either way
      }
    }
    return shellWord(launcher);
  }

  private static String shellWord(String s) {
    return s.matches("[A-Za-z0-9_./+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  /** @return where the helper's log is, for fix lines */
  String logHint() {
    return mac() ? layout.helperLogFile() : "journalctl -u " + Labels.SERVICE_UNIT;
  }
}
