package org.agentmon.installer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.Test;

/**
 * Every way the helper and the CLI start maps the installed CDS archive, with {@code -Xshare:auto}
 * (a missing or stale archive is ignored): the systemd unit, the Linux CLI launcher, the macOS
 * bundle's {@code agentmon} launcher (the LaunchDaemon's program and the CLI). Each takes its JVM
 * options from {@link HelperLaunch#launcherJavaOptions} alone, so the flags are set in one place.
 */
class CdsArchiveFlagTest {
  private static Map<String, String> rendered(Layout layout) {
    return Renderer.render(layout, "1.2.3").stream()
        .collect(Collectors.toMap(RenderedFile::path, f -> new String(f.content(), StandardCharsets.UTF_8)));
  }

  private static List<String> javaOptions(String launcherProperties) {
    String line = launcherProperties.lines().filter(l -> l.startsWith("java-options=")).findFirst().orElseThrow();
    return Arrays.asList(line.substring("java-options=".length()).split(" "));
  }

  private static void archiveFlagOnce(List<String> options, Layout layout) {
    assertEquals(1, options.stream().filter(o -> o.startsWith("-XX:SharedArchiveFile=")).count(), options.toString());
    assertTrue(options.contains("-XX:SharedArchiveFile=" + layout.cdsArchive()), options.toString());
    assertTrue(options.contains("-Xshare:auto"), "a missing or stale archive must not stop the JVM: " + options);
  }

  @Test
  void linuxUnitAndCliLauncherMapTheArchive() {
    Layout layout = Layout.standard(Platform.LINUX);
    assertEquals("/var/cache/agentmon/agentmon.jsa", layout.cdsArchive());
    Map<String, String> files = rendered(layout);
    String execStart = files.get("/etc/systemd/system/agentmon.service").lines()
        .filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
    List<String> argv = Arrays.asList(execStart.substring("ExecStart=".length()).split(" "));
    List<String> options = HelperLaunch.launcherJavaOptions(layout);
    assertEquals(options, argv.subList(1, 1 + options.size()), "the unit's JVM options are launcherJavaOptions");
    archiveFlagOnce(argv, layout);
    List<String> cli = javaOptions(files.get("package/launchers/agentmon.properties"));
    assertEquals(options, cli, "the CLI launcher's JVM options are the helper's");
    archiveFlagOnce(cli, layout);
  }

  @Test
  void macLauncherOfTheDaemonAndTheCliMapsTheArchive() {
    Layout layout = Layout.standard(Platform.MACOS);
    assertEquals("/Library/Caches/AgentMon/agentmon.jsa", layout.cdsArchive());
    Map<String, String> files = rendered(layout);
    List<String> options = javaOptions(files.get("package/launchers/agentmon.properties"));
    List<String> helper = HelperLaunch.launcherJavaOptions(layout);
    assertEquals(helper, options.subList(0, helper.size()), "the launcher's JVM options start with launcherJavaOptions");
    archiveFlagOnce(options, layout);
    // The install's training run uses plain java: the launcher's library properties, $APPDIR expanded.
    assertEquals(options.subList(helper.size(), options.size()).stream()
        .map(o -> o.replace("$APPDIR", layout.appDir())).toList(), HelperLaunch.launcherProperties(layout));
    assertEquals(List.of(), HelperLaunch.launcherProperties(Layout.standard(Platform.LINUX)));
    // The LaunchDaemon runs that launcher, so it needs no JVM options of its own.
    assertEquals(List.of(layout.helperProgram(), "daemon"), HelperLaunch.programArguments(layout).subList(0, 2));
  }

  /**
   * Linux: the unit, the CLI launcher and the app's launcher point junixsocket at the package's
   * library beside the jars (once each); macOS keeps its launcher's, in the bundle's Frameworks.
   */
  @Test
  void linuxLaunchersLoadThePackagesJunixsocketLibrary() {
    Layout linux = Layout.standard(Platform.LINUX);
    assertEquals("/opt/agentmon/lib/app/native/libjunixsocket-native.so", linux.junixsocketLibrary());
    String property = "-Dorg.newsclub.net.unix.library.override=" + linux.junixsocketLibrary();
    Map<String, String> files = rendered(linux);
    String execStart = files.get("/etc/systemd/system/agentmon.service").lines()
        .filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
    for (List<String> options : List.of(Arrays.asList(execStart.split(" ")),
        javaOptions(files.get("package/launchers/agentmon.properties")),
        files.get(UsrTaskLaunch.OPTIONS_FILE).lines().toList())) {
      assertEquals(1, options.stream().filter(o -> o.startsWith("-Dorg.newsclub.net.unix.library.override=")).count(),
          options.toString());
      assertTrue(options.contains(property), options.toString());
    }
    Layout mac = Layout.standard(Platform.MACOS);
    assertEquals(mac.appDir() + "/../Frameworks/libjunixsocket-native.dylib", mac.junixsocketLibrary());
    assertTrue(HelperLaunch.launcherProperties(mac).contains(
        "-Dorg.newsclub.net.unix.library.override=" + mac.junixsocketLibrary()), "the bundle's copy");
    assertTrue(HelperLaunch.launcherJavaOptions(mac).stream().noneMatch(o -> o.contains("library.override")),
        "macOS: the launcher adds it once, from launcherProperties");
  }

  @Test
  void theArchiveLivesOutsideTheBundleAndTheStateDirectory() {
    for (Platform p : Platform.values()) {
      Layout layout = Layout.standard(p);
      // Inside the bundle it would break its signature; the state directory is root's alone (0700), and
      // the CLI, run by any user, reads the archive too.
      assertTrue(!layout.cdsArchive().startsWith(layout.prefix() + "/")
          && !layout.cdsArchive().startsWith(layout.stateDir() + "/"), layout.cdsArchive());
      assertEquals(layout.cacheDir() + "/agentmon.jsa", layout.cdsArchive());
    }
  }
}
