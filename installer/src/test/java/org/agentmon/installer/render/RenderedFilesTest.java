package org.agentmon.installer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.agentmon.installer.lint.Finding;
import org.agentmon.installer.lint.PlistLinter;
import org.agentmon.installer.testing.Tool;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rendered file passes a real, independent validator. */
class RenderedFilesTest {
  @TempDir Path dir;

  private Path render(Platform platform, String prefix) throws IOException {
    Layout layout = prefix == null ? Layout.standard(platform) : new Layout(platform, prefix);
    org.agentmon.installer.install.TreeWriter.write(Renderer.render(layout, "1.2.3-SNAPSHOT"), dir);
    return dir;
  }

  @Test
  void macPlistsParseWithPlistlibAndLintClean() throws IOException {
    render(Platform.MACOS, null);
    for (String f : List.of("Library/LaunchDaemons/org.agentmon.helper.plist",
        "Library/LaunchAgents/org.agentmon.usrtask.plist")) {
      Path p = dir.resolve(f);
      Tool.plistlib(p);
      List<Finding> findings = PlistLinter.lint(Files.readAllBytes(p));
      assertEquals(List.of(), findings, f);
    }
    Tool.plistlib(dir.resolve("package/Info.plist"));
  }

  @Test
  void helperDaemonHasLaunchdTypesAsPlistlibSeesThem() throws IOException {
    render(Platform.MACOS, null);
    String repr = Tool.plistlib(dir.resolve("Library/LaunchDaemons/org.agentmon.helper.plist"));
    assertTrue(!repr.contains("inetdCompatibility"), "launch_activate_socket, not stdin: " + repr);
    assertContains(repr, "'SockPathMode': 438", "'SockPathName': '/var/run/org.agentmon.helper.sock'",
        "'KeepAlive': {'SuccessfulExit': False, 'PathState': {'/Library/Application Support/AgentMon/enabled': True}}",
        "'ThrottleInterval': 10", "'StandardErrorPath': '/Library/Logs/AgentMon/helper.stderr.log'",
        "'AssociatedBundleIdentifiers': ['org.agentmon.AgentMon']",
        // The bundle's launcher, so Activity Monitor shows AgentMon; the JVM flags are in its configuration.
        "'ProgramArguments': ['/Applications/AgentMon.app/Contents/MacOS/agentmon', 'daemon', '--state-dir', "
            + "'/Library/Application Support/AgentMon', '--log-file', '/Library/Logs/AgentMon/helper.log']");
    assertEquals("main-jar=agentmon.jar\nmain-class=org.agentmon.cli.Main\njava-options=-XX:+UseSerialGC "
        + "-XX:TieredStopAtLevel=1 -Xshare:auto -XX:-UsePerfData -Xms16m -Xmn4m -XX:+UnlockDiagnosticVMOptions "
        + "-XX:GuaranteedSafepointInterval=5000 -XX:AsyncDeflationInterval=5000 -XX:-ShrinkHeapInSteps "
        + "-XX:SharedArchiveFile=/Library/Caches/AgentMon/agentmon.jsa -XX:ErrorFile=/Library/Logs/AgentMon/hs_err_%p.log "
        + "-Dorg.newsclub.net.unix.library.override=$APPDIR/../Frameworks/libjunixsocket-native.dylib "
        + "-Djna.boot.library.path=$APPDIR/../Frameworks -Djna.nounpack=true\n",
        Files.readString(dir.resolve("package/launchers/agentmon.properties")));
    String agent = Tool.plistlib(dir.resolve("Library/LaunchAgents/org.agentmon.usrtask.plist"));
    assertContains(agent, "'ProgramArguments': ['/Applications/AgentMon.app/Contents/MacOS/usrtask']",
        "'AssociatedBundleIdentifiers': ['org.agentmon.AgentMon']");
  }

  @Test
  void infoPlistHidesTheDockIcon() throws IOException {
    render(Platform.MACOS, null);
    String repr = Tool.plistlib(dir.resolve("package/Info.plist"));
    assertContains(repr, "'LSUIElement': True", "'CFBundleIdentifier': 'org.agentmon.AgentMon'",
        "'CFBundleShortVersionString': '1.2.3'");
  }

  @Test
  void unitsPassSystemdAnalyzeVerify() throws IOException {
    Tool.assume("systemd-analyze");
    Path prefix = dir.resolve("opt/agentmon");
    render(Platform.LINUX, prefix.toString());
    Path java = prefix.resolve("lib/runtime/bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(java, "#!/bin/sh\n");
    java.toFile().setExecutable(true);
    Path units = dir.resolve("etc/systemd/system");
    Tool.Result r = Tool.run(units, List.of("systemd-analyze", "verify",
        "agentmon.socket", "agentmon.service", "agentmon.path"));
    assertEquals(0, r.exitCode(), r.output());
    assertEquals("", r.output().trim());
  }

  @Test
  void systemdAnalyzeVerifyCatchesABrokenUnit() throws IOException {
    Tool.assume("systemd-analyze");
    render(Platform.LINUX, null);
    Path service = dir.resolve("etc/systemd/system/agentmon.service");
    // The program path does not exist here, so verify must complain.
    Tool.Result r = Tool.run(service.getParent(), List.of("systemd-analyze", "verify", "agentmon.service"));
    assertTrue(r.exitCode() != 0 && r.output().contains("is not executable"), r.output());
  }

  @Test
  void serviceRestartsOnFailureAndLogsToTheJournal() throws IOException {
    render(Platform.LINUX, null);
    String service = Files.readString(dir.resolve("etc/systemd/system/agentmon.service"));
    for (String line : List.of("Restart=on-failure", "StartLimitBurst=" + SystemdUnits.START_LIMIT_BURST,
        "StartLimitIntervalSec=120", "StandardOutput=journal", "Requires=agentmon.socket")) {
      assertTrue(service.lines().anyMatch(line::equals), line + " in\n" + service);
    }
    String socket = Files.readString(dir.resolve("etc/systemd/system/agentmon.socket"));
    assertContains(socket, "\nListenStream=/run/agentmon/agentmon.sock\n", "\nSocketMode=0666\n");
    String path = Files.readString(dir.resolve("etc/systemd/system/agentmon.path"));
    assertTrue(path.contains("\nPathExists=/var/lib/agentmon/enabled\n"), path);
  }

  @Test
  void autostartEntryPassesDesktopFileValidate() throws IOException {
    Tool.assume("desktop-file-validate");
    render(Platform.LINUX, null);
    Path entry = dir.resolve("package/desktop/etc/xdg/autostart/org.agentmon.usrtask.desktop");
    Tool.Result r = Tool.run(null, List.of("desktop-file-validate", entry.toString()));
    assertEquals(0, r.exitCode(), r.output());
    assertEquals("", r.output().trim());
  }

  @Test
  void renderedModesAreWhatInstallUses() throws IOException {
    render(Platform.LINUX, null);
    List<String> modes = new ArrayList<>();
    for (RenderedFile f : Renderer.render(Layout.standard(Platform.LINUX), "1")) {
      Path p = dir.resolve(f.path().substring(f.installed() ? 1 : 0));
      modes.add(f.path() + " " + Modes.toString(Modes.toMode(Files.getPosixFilePermissions(p))));
    }
    assertEquals(List.of(
        "/etc/systemd/system/agentmon.socket rw-r--r--",
        "/etc/systemd/system/agentmon.service rw-r--r--",
        "/etc/systemd/system/agentmon.path rw-r--r--",
        "package/desktop/etc/xdg/autostart/org.agentmon.usrtask.desktop rw-r--r--",
        "package/launchers/agentmon.properties rw-r--r--",
        "package/debian/postinst rwxr-xr-x",
        "package/debian/prerm rwxr-xr-x",
        "package/debian/postrm rwxr-xr-x",
        "package/usrtask-java-options rw-r--r--"), modes.stream().collect(Collectors.toList()));
  }

  /** The app's launchers on both platforms read its flags from one rendered file. */
  @Test
  void theAppsJvmFlagsAreRenderedForThePackagingScripts() throws IOException {
    for (Platform p : Platform.values()) {
      render(p, null);
      List<String> expected = p == Platform.LINUX ? UsrTaskLaunch.linuxOptions(Layout.standard(p))
          : UsrTaskLaunch.JVM_FLAGS;
      assertEquals(expected, Files.readAllLines(dir.resolve(UsrTaskLaunch.OPTIONS_FILE)), p.name());
    }
  }

  @Test
  void prefixWithSpacesIsQuotedInExecStart() throws IOException {
    render(Platform.LINUX, "/opt/Agent Mon");
    String service = Files.readString(dir.resolve("etc/systemd/system/agentmon.service"));
    assertTrue(service.contains("ExecStart=\"/opt/Agent Mon/lib/runtime/bin/java\" -XX:+UseSerialGC"), service);
  }

  /** The JVM's entitlements (nothing more), and one distribution definition per CPU. */
  @Test
  void signingFilesParseAndSayExactlyThis() throws IOException {
    render(Platform.MACOS, null);
    assertEquals("{'com.apple.security.cs.allow-jit': True, 'com.apple.security.cs.allow-unsigned-executable-memory': "
        + "True}", Tool.plistlib(dir.resolve("package/entitlements.plist")));
    for (String arch : List.of("arm64", "x86_64")) {
      Tool.Result r = Tool.run(null, List.of("python3", "-c", "import sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1])"
          + ".getroot(); print(r.find('options').get('hostArchitectures'), r.find('pkg-ref').text)",
          dir.resolve("package/distribution-" + arch + ".xml").toString()));
      assertEquals(arch + " AgentMon-component.pkg\n", r.output());
    }
    assertTrue(Files.readString(dir.resolve("package/launchers/usrtask.properties"))
        .contains("java-options=" + String.join(" ", UsrTaskLaunch.JVM_FLAGS)
            + " -Dorg.newsclub.net.unix.library.override=$APPDIR/../Frameworks/libjunixsocket-native.dylib "
            + "-Djava.library.path=$APPDIR/../Frameworks\n"));
  }

  private static void assertContains(String text, String... parts) {
    for (String part : parts) {
      assertTrue(text.contains(part), "no " + part + " in\n" + text);
    }
  }
}
