package org.agentmon.installer.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code upgrade}: nothing when current, replace + re-bootstrap when stale, install when absent. */
class UpgradeTest {
  @TempDir Path root;

  private Fixtures installed(Platform p) throws IOException {
    Fixtures f = new Fixtures(root, p, p == Platform.MACOS ? RecordingRunner.mac() : new RecordingRunner());
    assertEquals(0, f.installer(false, false, false).install(), f.text.toString());
    return f;
  }

  @Test
  void currentInstallIsLeftAlone() throws IOException {
    installed(Platform.MACOS);
    Fixtures u = new Fixtures(root, Platform.MACOS, RecordingRunner.mac());
    assertEquals(0, u.installer(false, true, true).upgrade());
    assertEquals(List.of("up to date: nothing to do"), u.lines());
    assertEquals(List.of(), u.runner.commands);
  }

  @Test
  void stalePlistIsReplacedAndRebootstrapped() throws IOException {
    installed(Platform.MACOS);
    Path plist = root.resolve("Library/LaunchDaemons/org.agentmon.helper.plist");
    Files.writeString(plist, Files.readString(plist).replace("<integer>10</integer>", "<integer>1</integer>"));
    Fixtures u = new Fixtures(root, Platform.MACOS, RecordingRunner.mac());
    assertEquals(0, u.installer(false, true, true).upgrade(), u.text.toString());
    assertEquals("stale: /Library/LaunchDaemons/org.agentmon.helper.plist differs from the bundled one", u.lines().get(0));
    assertTrue(u.runner.commands.contains("launchctl bootout system/org.agentmon.helper"), u.runner.commands.toString());
    assertTrue(u.runner.commands.contains("launchctl bootstrap system /Library/LaunchDaemons/org.agentmon.helper.plist"));
    assertTrue(Files.readString(plist).contains("<integer>10</integer>"));
  }

  @Test
  void replacedHelperJarMeansAStaleHelperAndARestart() throws IOException {
    Path jar = root.resolve("opt/agentmon/lib/app/agentmon.jar");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "old helper");
    installed(Platform.LINUX);
    Files.writeString(jar, "new helper");
    Fixtures u = new Fixtures(root, Platform.LINUX, new RecordingRunner());
    assertEquals(0, u.installer(false, true, true).upgrade(), u.text.toString());
    assertEquals("stale: /opt/agentmon/lib/app/agentmon.jar changed since the jobs were loaded (a stale helper may be running)",
        u.lines().get(0));
    assertEquals(List.of("systemctl daemon-reload", "systemctl enable --now agentmon.socket agentmon.path",
        "systemctl try-restart agentmon.service"), u.runner.commands);
    Fixtures again = new Fixtures(root, Platform.LINUX, new RecordingRunner());
    assertEquals(0, again.installer(false, true, true).upgrade());
    assertEquals(List.of("up to date: nothing to do"), again.lines());
  }

  @Test
  void upgradeKeepsAStoppedHelperStopped() throws IOException {
    installed(Platform.LINUX);
    Path flag = root.resolve("var/lib/agentmon/enabled");
    Files.delete(flag);
    Path unit = root.resolve("etc/systemd/system/agentmon.service");
    Files.writeString(unit, "old");
    Fixtures u = new Fixtures(root, Platform.LINUX, new RecordingRunner());
    assertEquals(0, u.installer(false, true, true).upgrade(), u.text.toString());
    assertFalse(Files.exists(flag));
  }

  @Test
  void nothingInstalledMeansInstall() throws IOException {
    Fixtures u = new Fixtures(root, Platform.MACOS, RecordingRunner.mac());
    assertEquals(0, u.installer(false, false, false).upgrade(), u.text.toString());
    assertEquals("not installed: installing", u.lines().get(0));
    assertEquals(InstallTreeTest.MAC_TREE, u.tree());
  }
}
