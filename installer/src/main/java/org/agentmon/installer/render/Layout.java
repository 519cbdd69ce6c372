package org.agentmon.installer.render;

import java.util.List;
import org.agentmon.platform.Labels;
import org.agentmon.platform.Platform;
import org.agentmon.platform.SystemPaths;

/**
 * Where everything lives on one platform: the system paths the jobs refer to (fixed) and the
 * application image they run from ({@code prefix}, which packaging may move).
 *
 * @param platform the platform
 * @param prefix the installed application image: {@code /Applications/AgentMon.app} or
 *     {@code /opt/agentmon}
 */
public record Layout(Platform platform, String prefix) {

  /**
   * @param platform the platform
   * @param prefix an absolute directory
   * @throws IllegalArgumentException if the prefix is not absolute or has a control character
   */
  public Layout {
    if (!prefix.startsWith("/") || prefix.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException("prefix must be an absolute path: " + prefix);
    }
    while (prefix.length() > 1 && prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
  }

  /**
   * @param platform the platform
   * @return the layout with the platform's default prefix
   */
  public static Layout standard(Platform platform) {
    return new Layout(platform, SystemPaths.applicationImage(platform));
  }

  private boolean mac() {
    return platform == Platform.MACOS;
  }

  /** @return the helper's listening socket */
  public String socket() {
    return SystemPaths.socket(platform);
  }

  /** @return the helper's state directory (mode 0700) */
  public String stateDir() {
    return SystemPaths.stateDir(platform);
  }

  /** @return the flag file whose presence means "helper enabled" */
  public String enabledFlag() {
    return stateDir() + "/enabled";
  }

  /** @return the installer's record of what it wrote, in the state directory */
  public String manifest() {
    return stateDir() + "/installed.manifest";
  }

  /** @return the log directory, or null where the journal takes the logs */
  public String logDir() {
    return SystemPaths.logDir(platform);
  }

  /** @return the helper's own log file (macOS), or null */
  public String helperLogFile() {
    return mac() ? logDir() + "/helper.log" : null;
  }

  /** @return where launchd sends the helper's stderr (JVM crashes), or null */
  public String helperStderrFile() {
    return mac() ? logDir() + "/helper.stderr.log" : null;
  }

  /** @return where launchd sends the helper's stdout (JVM thread dumps, fatal-error headers), or null */
  public String helperStdoutFile() {
    return mac() ? logDir() + "/helper.stdout.log" : null;
  }

  /** @return the JVM's fatal-error report ({@code -XX:ErrorFile}, {@code %p} is the pid), or null */
  public String helperErrorFile() {
    return mac() ? logDir() + "/hs_err_%p.log" : null;
  }

  /** @return the log rotation entry (newsyslog), or null where the journal rotates */
  public String newsyslogFile() {
    return mac() ? "/etc/newsyslog.d/org.agentmon.conf" : null;
  }

  /**
   * @return where the installer keeps what it derives from the installed runtime and jar: root's,
   *     0755, so the CLI (any user) can read it and only root can write it
   */
  public String cacheDir() {
    return mac() ? "/Library/Caches/AgentMon" : "/var/cache/agentmon";
  }

  /**
   * @return the class-data sharing archive of the helper and the CLI, made at install by the
   *     installed runtime for the installed jar (outside the app bundle: a file added there would
   *     break the bundle's signature)
   */
  public String cdsArchive() {
    return cacheDir() + "/agentmon.jsa";
  }

  /** @return the bundled runtime's java */
  public String java() {
    return mac() ? prefix + "/Contents/runtime/Contents/Home/bin/java" : prefix + "/lib/runtime/bin/java";
  }

  /** @return the directory of the application's jars */
  public String appDir() {
    return mac() ? prefix + "/Contents/app" : prefix + "/lib/app";
  }

  /**
   * @return junixsocket's native library as the package installs it, without its version. Linux:
   *     {@code build-linux.sh} puts the build's copy beside the jars, so no process of ours unpacks it
   *     from the jar into a temporary directory at every start (about 20 ms of each start, and a root
   *     process loading code from /tmp); macOS: the signed copy in the bundle's {@code Frameworks}
   */
  public String junixsocketLibrary() {
    return mac() ? LauncherConfigs.JUNIXSOCKET.replace("$APPDIR", appDir())
        : appDir() + "/native/libjunixsocket-native.so";
  }

  /** @return the helper's jar */
  public String helperJar() {
    return appDir() + "/agentmon.jar";
  }

  /** @return the directory of the native launchers */
  public String launcherDir() {
    return mac() ? prefix + "/Contents/MacOS" : prefix + "/bin";
  }

  /** @return the program the helper's job runs: the bundle's launcher (macOS) or the runtime's java */
  public String helperProgram() {
    return mac() ? launcherDir() + "/agentmon" : java();
  }

  /**
   * @return the AgentMon app's own image: inside the bundle on macOS; on Linux the
   *     agentmon-desktop package's {@code desktop} directory, with its own runtime, so the
   *     helper's package needs no X or GTK library
   */
  public String desktopDir() {
    return mac() ? prefix : prefix + "/desktop";
  }

  /** @return the UsrTask launcher */
  public String usrTaskProgram() {
    return mac() ? launcherDir() + "/usrtask" : desktopDir() + "/bin/usrtask";
  }

  /** @return the installer launcher */
  public String installerProgram() {
    return launcherDir() + "/agentmon-installer";
  }

  /** @return the helper's job file: the LaunchDaemon plist or the service unit */
  public String helperJobFile() {
    return mac() ? "/Library/LaunchDaemons/" + Labels.HELPER + ".plist" : unitDir() + "/" + Labels.SERVICE_UNIT;
  }

  /** @return the system-wide login item: the LaunchAgent plist or the XDG autostart entry */
  public String loginItemFile() {
    return mac() ? SystemPaths.MAC_LAUNCH_AGENTS + "/" + Labels.USRTASK + ".plist"
        : "/etc/xdg/autostart/" + Labels.USRTASK + ".desktop";
  }

  /** @return the directory for the systemd units (Linux) */
  public String unitDir() {
    return "/etc/systemd/system";
  }

  /** @return every launchd job plist installed (macOS), or none */
  public List<String> jobPlists() {
    return mac() ? List.of(helperJobFile(), loginItemFile()) : List.of();
  }

  /** @return the directories the installer creates and owns, parents first */
  public List<String> ownedDirs() {
    return mac() ? List.of(stateDir(), logDir()) : List.of(stateDir());
  }

  /** @return UsrTask's argv for the login item */
  public List<String> usrTaskArguments() {
    return List.of(usrTaskProgram());
  }
}
