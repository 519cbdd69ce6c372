package org.agentmon.usrtask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What "Start at Login" writes into the per-user LaunchAgent: the bundle's launcher when there is one. */
class SelfCommandTest {
  @TempDir Path dir;

  @Test
  void startedByTheBundlesLauncherTheLoginItemRunsThatLauncher() throws IOException {
    Path launcher = dir.resolve("AgentMon.app/Contents/MacOS/usrtask");
    Files.createDirectories(launcher.getParent());
    Files.writeString(launcher, "#!/bin/sh\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertEquals(List.of(launcher.toString()), SelfCommand.base(launcher.toString()));
  }

  @Test
  void withoutALauncherItIsThisJvmAndItsJarOrClassPath() {
    for (String notALauncher : new String[] {null, "usrtask", dir.resolve("missing").toString()}) {
      List<String> cmd = SelfCommand.base(notALauncher);
      assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), cmd.get(0));
      assertTrue(cmd.contains("-jar") || cmd.contains("-cp"), cmd.toString());
    }
  }
}
