package org.agentmon.installer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.installer.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded {@code agentmon-installer.jar} runs with {@code java -jar}: render, lint, install --dry-run, doctor. */
class InstallerJarIT {
  @TempDir Path dir;

  private static Tool.Result jar(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("installer.jar")));
    cmd.addAll(List.of(args));
    return Tool.run(null, cmd);
  }

  @Test
  void renderThenLintTheRenderedPlists() throws IOException {
    Tool.Result r = jar("render", "--platform", "macos", "--out", dir.toString());
    assertEquals(0, r.exitCode(), r.output());
    Tool.Result lint = jar("lint", dir.resolve("Library/LaunchDaemons/org.agentmon.helper.plist").toString(),
        dir.resolve("Library/LaunchAgents/org.agentmon.usrtask.plist").toString());
    assertEquals(0, lint.exitCode(), lint.output());
    assertEquals("", lint.output());
  }

  @Test
  void installDryRunChangesNothing() throws IOException {
    Tool.Result r = jar("install", "--platform", "linux", "--root", dir.toString(), "--dry-run");
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("write 0644 "), r.output());
    try (var s = Files.list(dir)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void doctorOnAnEmptyRootFailsWithExitOne() throws IOException {
    Tool.Result r = jar("doctor", "--platform", "linux", "--root", dir.toString());
    assertEquals(1, r.exitCode(), r.output());
    assertTrue(r.output().startsWith("FAIL plist-lint "), r.output());
  }

  @Test
  void installErrorsSayTheOperationAndTheOsReason() throws IOException {
    Tool.assume("setpriv");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new com.sun.security.auth.module.UnixSystem().getUid() == 0, "needs root to run the installer as uid 65534");
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Path rootOwned = Files.createDirectory(dir.resolve("root-owned"));
    List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", System.getProperty("installer.jar"),
        "install", "--platform", "linux", "--root", rootOwned.toString()));
    Tool.Result r = Tool.run(null, cmd);
    assertEquals(1, r.exitCode(), r.output());
    assertTrue(r.output().endsWith("agentmon-installer: error: cannot create directory " + rootOwned.resolve("etc")
        + ": Permission denied\n"), r.output());
  }

  @Test
  void installIntoAMissingRootCreatesIt() throws IOException {
    Path stage = dir.resolve("stage");
    Tool.Result r = jar("install", "--platform", "linux", "--root", stage.toString());
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(Files.isRegularFile(stage.resolve("etc/systemd/system/agentmon.service")), r.output());
  }

  @Test
  void usageErrorExitsTwo() throws IOException {
    assertEquals(2, jar("install", "--platform", "solaris").exitCode());
  }
}
