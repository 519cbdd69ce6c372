package org.agentmon.installer.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README's install on a booted Debian 12: apt resolves the packages' dependencies, the helper
 * package alone brings no X or GTK library, {@code agentmon} is on PATH and answers, and the
 * helper's log lines reach the journal.
 */
class InstallSystemdIT {
  /** Libraries a headless server must not get: X11, GTK and what only a desktop needs. */
  static final Pattern DESKTOP_LIBRARY = Pattern.compile(
      "^Inst (libx\\S*|libgtk\\S*|libgdk\\S*|libcairo\\S*|libpango\\S*|libasound\\S*|libgl\\S*|libfreetype\\S*"
          + "|libfontconfig\\S*|libwayland\\S*|x11-\\S*|xkb-data)\\b", Pattern.MULTILINE);

  @Booted(installed = false)
  static Machine machine;
  static List<String> helperOnly;
  static List<String> withDesktop;
  static String aptOutput;

  @BeforeAll
  static void install() throws IOException {
    // Simulated on the fresh system, before anything of ours is installed.
    helperOnly = simulate(Packages.file(Packages.HELPER));
    withDesktop = simulate(Packages.file(Packages.HELPER), Packages.file(Packages.DESKTOP));
    aptOutput = Installed.install(machine);
  }

  /** The {@code Inst} lines of a simulated {@code apt-get install} of the given packages. */
  static List<String> simulate(String... packages) throws IOException {
    String files = java.util.Arrays.stream(packages).map(p -> Machine.PACKAGES + "/" + p)
        .collect(Collectors.joining(" "));
    String out = machine.ok("apt-get install -s -y " + files);
    return out.lines().filter(l -> l.startsWith("Inst ")).collect(Collectors.toList());
  }

  @Test
  void helperPackageAloneInstallsNoDesktopLibrary() throws IOException {
    assertTrue(helperOnly.stream().anyMatch(l -> l.startsWith("Inst agentmon ")), String.join("\n", helperOnly));
    assertTrue(helperOnly.stream().noneMatch(l -> DESKTOP_LIBRARY.matcher(l).find()),
        "the helper package pulls desktop libraries:\n" + String.join("\n", helperOnly));
    // The same check sees them where they belong: the desktop package brings GTK and X11.
    String all = String.join("\n", withDesktop);
    assertTrue(DESKTOP_LIBRARY.matcher(all).find() && all.contains("Inst libgtk-3-0"),
        "the desktop package should pull GTK 3 and X11:\n" + all);
    assertTrue(all.contains("Inst agentmon-desktop"), all);
  }

  @Test
  void aptResolvedTheDependenciesAndRanTheInstaller() throws IOException {
    assertTrue(aptOutput.contains("Setting up agentmon ("), aptOutput);
    assertEquals("install ok installed",
        machine.ok("dpkg-query -W -f='${Status}' agentmon").trim());
    assertEquals("", machine.ok("apt-get check -q 2>&1 | grep -v '^Reading\\|^Building' || true").trim());
  }

  @Test
  void agentmonAndInstallerAreOnPathAndOwnedByThePackage() throws IOException {
    assertEquals("/usr/bin/agentmon\n/usr/bin/agentmon-installer",
        machine.ok("command -v agentmon; command -v agentmon-installer").trim());
    String owners = machine.ok("dpkg -S /usr/bin/agentmon /usr/bin/agentmon-installer");
    assertEquals(2, owners.lines().filter(l -> l.startsWith("agentmon: ")).count(), owners);
  }

  @Test
  void statusFromPathSaysRunningUnderSystemd() throws IOException {
    Map<?, ?> s = Installed.status(machine);
    assertEquals("running", s.get("state"), s.toString());
    assertEquals("systemd", s.get("socketSource"), s.toString());
    assertEquals("systemd", s.get("supervisor"), s.toString());
    String plain = machine.ok("agentmon status");
    assertTrue(plain.startsWith("AgentMon helper: running (enabled)\n"), plain);
  }

  /**
   * postinst made the CDS archive with the installed runtime: root's, 0644, in a directory only root
   * writes (the helper runs as root with it); the running helper maps it, and {@code agentmon status}
   * as another user starts with it under {@code -Xshare:on} (the JVM refuses to start without a
   * usable archive) and loads its own classes from it.
   */
  @Test
  void cdsArchiveIsRootsAndTheHelperAndTheCliUseIt() throws IOException {
    String archive = Installed.LAYOUT.cdsArchive();
    String dir = Installed.LAYOUT.cacheDir();
    assertEquals("root:root 755 " + dir + "\nroot:root 644 " + archive,
        machine.ok("stat -c '%U:%G %a %n' " + dir + " " + archive).trim());
    assertEquals("root:root 755", machine.ok("stat -c '%U:%G %a' /var/cache").trim());
    long pid = Installed.mainPid(machine);
    assertTrue(pid > 0, "the helper runs");
    assertTrue(machine.ok("grep -cF " + archive + " /proc/" + pid + "/maps").trim().matches("[1-9][0-9]*"),
        "the helper maps " + archive);
    String cli = machine.ok("_JAVA_OPTIONS='-Xshare:on -Xlog:class+load=info:file=/tmp/cli-classes.log' "
        + "setpriv --reuid=65534 --regid=65534 --clear-groups agentmon status 2>&1");
    assertTrue(cli.contains("AgentMon helper: running"), cli);
    assertTrue(machine.ok("cat /tmp/cli-classes.log").contains("org.agentmon.cli.Main source: shared objects file"),
        "the CLI loads its classes from the archive");
  }

  /**
   * The package's junixsocket library is root's, beside the jars, and the running helper and the
   * CLI load it from there: neither unpacks a copy into a temporary directory (a root process
   * loading code from /tmp, and about 20 ms of every start).
   */
  @Test
  void theHelperAndTheCliLoadThePackagesJunixsocketLibrary() throws IOException {
    String lib = Installed.LAYOUT.junixsocketLibrary();
    assertEquals("root:root 644 " + lib, machine.ok("stat -c '%U:%G %a %n' " + lib).trim());
    // A helper that answers has loaded junixsocket (systemd may have only just started it, on demand).
    long pid = ((Number) Installed.status(machine).get("pid")).longValue();
    assertTrue(pid > 0, "the helper runs");
    String maps = machine.ok("cat /proc/" + pid + "/maps");
    assertTrue(maps.contains(lib), "the helper maps " + lib);
    assertTrue(!maps.contains("junixsocket-native-"), "no unpacked copy mapped:\n" + maps);
    String cli = machine.ok("_JAVA_OPTIONS='-Xlog:library=info:file=/tmp/cli-libraries.log' "
        + "setpriv --reuid=65534 --regid=65534 --clear-groups agentmon status 2>&1");
    assertTrue(cli.contains("AgentMon helper: running"), cli);
    String loaded = machine.ok("grep -F junixsocket /tmp/cli-libraries.log");
    assertTrue(loaded.contains("Loaded library " + lib), loaded);
  }

  @Test
  void helperLogLinesReachTheJournal() throws IOException {
    Map<?, ?> s = Installed.status(machine);
    String line = "AgentMon helper " + s.get("version") + " (" + s.get("buildId") + ") pid " + s.get("pid");
    Installed.await(machine, "the helper's start line in the journal", java.time.Duration.ofSeconds(30),
        "journalctl -u agentmon.service --no-pager -o cat | grep -F '" + line + "'");
  }
}
