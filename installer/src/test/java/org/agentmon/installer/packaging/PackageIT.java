package org.agentmon.installer.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.agentmon.installer.render.Platform;
import org.agentmon.installer.render.RenderedFile;
import org.agentmon.installer.render.Renderer;
import org.agentmon.installer.testing.Tool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .deb built by {@code -Ppackage}: what it contains, what its scripts run, that its launchers start. */
class PackageIT {
  static Path out;
  static Path deb;
  static List<String> contents;

  @TempDir Path dir;

  @BeforeAll
  static void findTheDeb() throws IOException {
    out = Path.of(System.getProperty("agentmon.package.dir", "target/package"));
    try (Stream<Path> s = Files.list(out)) {
      deb = s.filter(p -> p.toString().endsWith(".deb")).findFirst()
          .orElseThrow(() -> new AssertionError("no .deb in " + out));
    }
    Tool.assume("dpkg-deb");
    Tool.Result r = Tool.run(null, List.of("dpkg-deb", "-c", deb.toString()));
    assertEquals(0, r.exitCode(), r.output());
    // "-rwxr-xr-x root/root 1234 2026-01-01 00:00 ./opt/agentmon/bin/agentmon" -> "-rwxr-xr-x /opt/agentmon/bin/agentmon"
    contents = r.output().lines().map(l -> l.split("\\s+")).map(f -> f[0] + " " + f[5].substring(1))
        .collect(Collectors.toList());
  }

  @Test
  void containsTheLaunchersTheJarsAndItsOwnRuntime() {
    for (String expected : List.of(
        "-rwxr-xr-x /opt/agentmon/bin/agentmon",
        "-rwxr-xr-x /opt/agentmon/bin/usrtask",
        "-rwxr-xr-x /opt/agentmon/bin/agentmon-installer",
        "-rw-r--r-- /opt/agentmon/lib/app/agentmon.jar",
        "-rw-r--r-- /opt/agentmon/lib/app/usrtask.jar",
        "-rw-r--r-- /opt/agentmon/lib/app/agentmon-installer.jar",
        "-rwxr-xr-x /opt/agentmon/lib/runtime/bin/java")) {
      assertTrue(contents.contains(expected), expected + " not in\n" + String.join("\n", contents));
    }
  }

  @Test
  void theUnitsRunProgramsThePackageShips() {
    Layout layout = Layout.standard(Platform.LINUX);
    List<String> argv = HelperLaunch.programArguments(layout);
    assertTrue(contents.contains("-rwxr-xr-x " + argv.get(0)), argv.get(0));
    assertTrue(contents.contains("-rw-r--r-- " + layout.helperJar()), layout.helperJar());
    assertTrue(contents.contains("-rwxr-xr-x " + layout.usrTaskProgram()), layout.usrTaskProgram());
    assertTrue(contents.contains("-rwxr-xr-x " + layout.installerProgram()), layout.installerProgram());
  }

  @Test
  void installsNothingOutsideOpt() {
    List<String> outside = contents.stream().map(c -> c.split(" ", 2)[1])
        .filter(p -> !p.equals("/") && !p.startsWith("/opt/")).collect(Collectors.toList());
    assertEquals(List.of(), outside, "units and plists are the installer's job, not dpkg's");
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

  @Test
  void appImageLaunchersStart() throws IOException {
    Path image = out.resolve("image/agentmon/bin");
    assumeTrue(Files.isDirectory(image), "no app image in " + out);
    Tool.Result installer = Tool.run(null, List.of(image.resolve("agentmon-installer").toString(), "--version"));
    assertEquals(0, installer.exitCode(), installer.output());
    assertTrue(installer.output().startsWith("agentmon-installer "), installer.output());
    Tool.Result helper = Tool.run(null, List.of(image.resolve("agentmon").toString(), "--help"));
    assertEquals(0, helper.exitCode(), helper.output());
  }
}
