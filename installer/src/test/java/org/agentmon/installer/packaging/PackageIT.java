package org.agentmon.installer.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.agentmon.installer.render.HelperLaunch;
import org.agentmon.installer.render.Layout;
import org.agentmon.installer.render.RenderedFile;
import org.agentmon.installer.render.Renderer;
import org.agentmon.installer.testing.Tool;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .debs built by {@code -Ppackage}: what each contains, what the helper package's scripts
 * run, which libraries each depends on, that the launchers start.
 */
class PackageIT {
  static Path out;
  static Path deb;
  static Path desktopDeb;
  static List<String> contents;
  static List<String> desktopContents;

  @TempDir Path dir;

  @BeforeAll
  static void findTheDebs() throws IOException {
    out = Path.of(System.getProperty("agentmon.package.dir", "target/package"));
    deb = find("agentmon_");
    desktopDeb = find("agentmon-desktop_");
    Tool.assume("dpkg-deb");
    contents = contents(deb);
    desktopContents = contents(desktopDeb);
  }

  private static Path find(String prefix) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".deb"))
          .findFirst().orElseThrow(() -> new AssertionError("no " + prefix + "*.deb in " + out));
    }
  }

  /** "-rwxr-xr-x root/root 1234 2026-01-01 00:00 ./opt/x" -> "-rwxr-xr-x /opt/x". */
  private static List<String> contents(Path deb) throws IOException {
    Tool.Result r = Tool.run(null, List.of("dpkg-deb", "-c", deb.toString()));
    assertEquals(0, r.exitCode(), r.output());
    return r.output().lines().map(l -> l.split("\\s+")).map(f -> f[0] + " " + f[5].substring(1))
        .collect(Collectors.toList());
  }

  private static String field(Path deb, String name) throws IOException {
    Tool.Result r = Tool.run(null, List.of("dpkg-deb", "-f", deb.toString(), name));
    assertEquals(0, r.exitCode(), r.output());
    return r.output().trim();
  }

  @Test
  void containsTheLaunchersTheJarsAndItsOwnRuntime() {
    for (String expected : List.of(
        "-rwxr-xr-x /opt/agentmon/bin/agentmon",
        "-rwxr-xr-x /opt/agentmon/bin/agentmon-installer",
        "-rw-r--r-- /opt/agentmon/lib/app/agentmon.jar",
        "-rw-r--r-- /opt/agentmon/lib/app/agentmon-installer.jar",
        "-rwxr-xr-x /opt/agentmon/lib/runtime/bin/java",
        "lrwxrwxrwx /usr/bin/agentmon",
        "lrwxrwxrwx /usr/bin/agentmon-installer")) {
      assertTrue(contents.contains(expected), expected + " not in\n" + String.join("\n", contents));
    }
    for (String expected : List.of(
        "-rwxr-xr-x /opt/agentmon/desktop/bin/usrtask",
        "-rw-r--r-- /opt/agentmon/desktop/lib/app/usrtask.jar",
        "-rwxr-xr-x /opt/agentmon/desktop/lib/runtime/bin/java",
        "-rw-r--r-- /etc/xdg/autostart/org.agentmon.usrtask.desktop")) {
      assertTrue(desktopContents.contains(expected), expected + " not in\n" + String.join("\n", desktopContents));
    }
  }

  @Test
  void theHelperPackageHasNoDesktopPartsAndNeedsNoDesktopLibrary() throws IOException {
    assertTrue(contents.stream().noneMatch(c -> c.contains("usrtask") || c.contains("libawt_xawt")
        || c.contains("/etc/xdg/")), String.join("\n", contents));
    String depends = field(deb, "Depends");
    assertTrue(depends.startsWith("libc6"), depends);
    assertFalse(depends.matches("(?s).*\\b(libx\\S*|libgtk\\S*|libasound\\S*|libfreetype\\S*)\\b.*"), depends);
    String desktop = field(desktopDeb, "Depends");
    assertTrue(desktop.startsWith("agentmon (= " + field(deb, "Version") + ")"), desktop);
    assertTrue(desktop.contains("libgtk-3-0") && desktop.contains("libx11-6"), desktop);
    // The StatusNotifierItem tray (GNOME, KDE) loads libayatana-appindicator through JNA; without it, XEmbed.
    assertEquals("libayatana-appindicator3-1, dbus-bin", field(desktopDeb, "Recommends"));
  }

  @Test
  void theUnitsAndTheAutostartEntryRunProgramsThePackagesShip() {
    Layout layout = Layout.standard(Platform.LINUX);
    List<String> argv = HelperLaunch.programArguments(layout);
    assertTrue(contents.contains("-rwxr-xr-x " + argv.get(0)), argv.get(0));
    assertTrue(contents.contains("-rw-r--r-- " + layout.helperJar()), layout.helperJar());
    assertTrue(contents.contains("-rwxr-xr-x " + layout.installerProgram()), layout.installerProgram());
    assertTrue(desktopContents.contains("-rwxr-xr-x " + layout.usrTaskProgram()), layout.usrTaskProgram());
    assertTrue(desktopContents.contains("-rw-r--r-- " + layout.loginItemFile()), layout.loginItemFile());
  }

  @Test
  void unitsAreTheInstallersJobNotDpkgs() {
    List<String> outside = contents.stream().map(c -> c.split(" ", 2)[1])
        .filter(p -> !p.equals("/") && !p.startsWith("/opt/") && !p.startsWith("/usr/")).collect(Collectors.toList());
    assertEquals(List.of(), outside, "units are the installer's job, not dpkg's");
  }

  @Test
  void theAutostartEntryIsTheRenderedOneAndAConffile() throws IOException {
    Tool.Result r = Tool.run(null, List.of("dpkg-deb", "-R", desktopDeb.toString(), dir.resolve("d").toString()));
    assertEquals(0, r.exitCode(), r.output());
    Layout layout = Layout.standard(Platform.LINUX);
    for (RenderedFile f : Renderer.render(layout, "x")) {
      if (f.path().startsWith(Renderer.DESKTOP_PACKAGE_ROOT + "/")) {
        String path = f.path().substring(Renderer.DESKTOP_PACKAGE_ROOT.length());
        assertEquals(f.text(), Files.readString(dir.resolve("d" + path)), path);
      }
    }
    assertEquals(layout.loginItemFile(), Files.readString(dir.resolve("d/DEBIAN/conffiles")).trim());
  }

  @Test
  void maintainerScriptsAreTheRenderedOnes() throws IOException {
    Tool.Result r = Tool.run(null, List.of("dpkg-deb", "-e", deb.toString(), dir.resolve("control").toString()));
    assertEquals(0, r.exitCode(), r.output());
    for (RenderedFile f : Renderer.render(Layout.standard(Platform.LINUX), "x")) {
      if (f.path().startsWith("package/debian/")) {
        String name = f.path().substring("package/debian/".length());
        assertEquals(f.text(), Files.readString(dir.resolve("control").resolve(name)), name);
        assertTrue(Files.isExecutable(dir.resolve("control").resolve(name)), name);
      }
    }
    assertTrue(Files.readString(dir.resolve("control/postinst"))
        .contains("\"/opt/agentmon/bin/agentmon-installer\" upgrade --platform linux"));
  }

  /**
   * The CLI launcher's JVM options are the helper's, with the CDS archive that postinst makes;
   * dpkg ships no archive (it must be made by the installed runtime for the installed jar).
   */
  @Test
  void theCliLauncherMapsTheArchiveThePackageDoesNotShip() throws IOException {
    Tool.Result r = Tool.run(null, List.of("dpkg-deb", "-x", deb.toString(), dir.resolve("x").toString()));
    assertEquals(0, r.exitCode(), r.output());
    Layout layout = Layout.standard(Platform.LINUX);
    List<String> cfg = Files.readAllLines(dir.resolve("x" + layout.appDir() + "/agentmon.cfg"));
    for (String option : HelperLaunch.launcherJavaOptions(layout)) {
      assertTrue(cfg.contains("java-options=" + option), option + " not in agentmon.cfg:\n" + String.join("\n", cfg));
    }
    assertTrue(cfg.contains("java-options=-XX:SharedArchiveFile=" + layout.cdsArchive()), String.join("\n", cfg));
    assertTrue(contents.stream().noneMatch(c -> c.endsWith(".jsa")), "no archive in the package");
  }

  @Test
  void appImageLaunchersStart() throws IOException {
    Path image = out.resolve("image/agentmon/bin");
    assumeTrue(Files.isDirectory(image), "no app image in " + out);
    assertTrue(Files.isExecutable(out.resolve("image/usrtask/bin/usrtask")), "the desktop app image");
    Tool.Result installer = Tool.run(null, List.of(image.resolve("agentmon-installer").toString(), "--version"));
    assertEquals(0, installer.exitCode(), installer.output());
    assertTrue(installer.output().startsWith("agentmon-installer "), installer.output());
    Tool.Result helper = Tool.run(null, List.of(image.resolve("agentmon").toString(), "--help"));
    assertEquals(0, helper.exitCode(), helper.output());
  }
}
