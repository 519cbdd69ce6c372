package org.agentmon.installer.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing {@code --root} is created; every error names the operation, the path and the OS's reason. */
class InstallErrorsTest {
  @TempDir Path dir;

  private static String last(Fixtures f) {
    return f.lines().get(f.lines().size() - 1);
  }

  @Test
  void missingRootIsCreatedWithMode0755() throws IOException {
    Path root = dir.resolve("stage");
    Fixtures f = new Fixtures(root, Platform.LINUX, new RecordingRunner());
    assertEquals(0, f.installer(false, false, false).install(), f.text.toString());
    assertEquals("mkdir 0755 " + (Fixtures.UID == 0 ? "root " : "as-is ") + root, f.lines().get(0));
    assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(root)));
    assertEquals(InstallTreeTest.LINUX_TREE, f.tree());
  }

  @Test
  void rootUnderAMissingDirectorySaysSo() {
    Path root = dir.resolve("no/such/stage");
    Fixtures f = new Fixtures(root, Platform.LINUX, new RecordingRunner());
    assertEquals(1, f.installer(false, false, false).install(), f.text.toString());
    assertEquals("agentmon-installer: error: cannot create directory " + root + ": No such file or directory",
        last(f));
  }

  @Test
  void aFileWhereADirectoryBelongsGivesTheOperationAndTheReason() throws IOException {
    Files.writeString(dir.resolve("etc"), "not a directory\n");
    Fixtures f = new Fixtures(dir, Platform.LINUX, new RecordingRunner());
    assertEquals(1, f.installer(false, false, false).install(), f.text.toString());
    assertEquals("agentmon-installer: error: cannot reach " + dir.resolve("etc/systemd/system/agentmon.socket")
        + ": " + dir.resolve("etc") + " is not a directory", last(f));
  }

  @Test
  void aDirectoryWhereAFileBelongsGivesTheOperationAndTheReason() throws IOException {
    Files.createDirectories(dir.resolve("etc/systemd/system/agentmon.path/x"));
    Fixtures f = new Fixtures(dir, Platform.LINUX, new RecordingRunner());
    assertEquals(1, f.installer(false, false, false).install(), f.text.toString());
    Path unit = dir.resolve("etc/systemd/system/agentmon.path");
    Path tmp = unit.resolveSibling(".agentmon.path." + ProcessHandle.current().pid() + ".tmp");
    assertEquals("agentmon-installer: error: cannot rename " + tmp + " to " + unit + ": Is a directory", last(f));
    assertTrue(Files.notExists(tmp), "temp file cleaned up");
  }
}
