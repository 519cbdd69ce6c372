package org.agentmon.installer.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.agentmon.installer.install.Host;
import org.agentmon.installer.install.InstallTarget;
import org.agentmon.installer.install.Installer;
import org.agentmon.installer.render.Layout;
import org.agentmon.installer.render.RenderedFile;
import org.agentmon.installer.render.Renderer;
import org.agentmon.platform.CommandResult;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Doctor reads installed files only through the installer's bounded reader (a FIFO or a huge file
 * is refused at once, in words), and its fix lines name commands the way a person types them.
 */
class DoctorReadingTest {
  private static final Duration PROMPTLY = Duration.ofSeconds(10);
  private static final Layout LINUX = Layout.standard(Platform.LINUX);
  @TempDir Path root;

  private InstallTarget target(Layout l) {
    return new InstallTarget(root, l, "1.0.0", false);
  }

  private DoctorContext context(Layout l) {
    return new DoctorContext(target(l), cmd -> new CommandResult(1, "not asked"),
        new Host(true, null, DoctorTest.UID),
        () -> new HelperAnswer(null, HelperAnswer.ABSENT, "no helper in this test"));
  }

  private Path file(String systemPath) {
    return root.resolve(systemPath.substring(1));
  }

  /** Installs the units and the agentmon-desktop package's UsrTask and autostart entry. */
  private void install() throws IOException {
    StringWriter out = new StringWriter();
    assertEquals(0, new Installer(target(LINUX), cmd -> new CommandResult(0, ""), new Host(true, null, DoctorTest.UID),
        new PrintWriter(out), false).install(), out.toString());
    Path usrtask = file(LINUX.usrTaskProgram());
    Files.createDirectories(usrtask.getParent());
    Files.writeString(usrtask, "#!/bin/sh\n");
    Files.setPosixFilePermissions(usrtask, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (RenderedFile f : Renderer.render(LINUX, "1.0.0")) {
      if (f.path().startsWith(Renderer.DESKTOP_PACKAGE_ROOT + "/")) {
        Path entry = file(f.path().substring(Renderer.DESKTOP_PACKAGE_ROOT.length()));
        Files.createDirectories(entry.getParent());
        Files.write(entry, f.content());
      }
    }
  }

  private void fifoInsteadOf(String systemPath) throws Exception {
    Path f = file(systemPath);
    Files.deleteIfExists(f);
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", "-m", "644", f.toString()).inheritIO().start();
    } catch (IOException e) {
      Assumptions.abort("mkfifo is not available: " + e.getMessage());
      return;
    }
    Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo failed");
  }

  @Test
  void aFifoAsTheLoginItemIsRefusedAtOnceInWords() throws Exception {
    install();
    fifoInsteadOf(LINUX.loginItemFile());
    String said = LINUX.loginItemFile() + " is not a regular file but a FIFO (named pipe); not read";
    CheckResult login = assertTimeoutPreemptively(PROMPTLY, () -> FileChecks.loginItem("login-item", context(LINUX)));
    assertEquals(Verdict.FAIL, login.verdict(), login.toString());
    assertEquals(said, login.message());
    List<CheckResult> all = assertTimeoutPreemptively(PROMPTLY, () -> new Doctor(target(LINUX),
        cmd -> new CommandResult(1, "not asked"), new Host(true, null, DoctorTest.UID)).run());
    assertEquals(said, all.stream().filter(r -> r.name().equals("login-item")).findFirst().orElseThrow().message());
  }

  @Test
  void aFifoAsAUnitIsRefusedAtOnceInWords() throws Exception {
    install();
    String unit = FileChecks.jobFiles(context(LINUX)).get(0);
    fifoInsteadOf(unit);
    CheckResult lint = assertTimeoutPreemptively(PROMPTLY, () -> FileChecks.plistLint("plist-lint", context(LINUX)));
    assertEquals(Verdict.FAIL, lint.verdict(), lint.toString());
    assertEquals(unit + " is not a regular file but a FIFO (named pipe); not read", lint.message());
  }

  @Test
  void aHugeUnitOrLoginItemIsRefusedWithoutReadingIt() throws Exception {
    install();
    for (String f : List.of(LINUX.loginItemFile(), LINUX.helperJobFile())) {
      try (RandomAccessFile sparse = new RandomAccessFile(file(f).toFile(), "rw")) {
        sparse.setLength(3L << 30); // 3 GiB, sparse: nothing is written
      }
    }
    CheckResult login = assertTimeoutPreemptively(PROMPTLY, () -> FileChecks.loginItem("login-item", context(LINUX)));
    assertEquals(LINUX.loginItemFile() + " is 3221225472 bytes, over the 1 MiB limit for an autostart entry; not read",
        login.message());
    CheckResult lint = assertTimeoutPreemptively(PROMPTLY, () -> FileChecks.plistLint("plist-lint", context(LINUX)));
    assertEquals(Verdict.FAIL, lint.verdict(), lint.toString());
    assertTrue(lint.message().endsWith(" is 3221225472 bytes, over the 1 MiB limit for a unit or autostart entry; not read"),
        lint.message());
  }

  @Test
  void fixLinesSayTheCommandsAsLinkedOntoThePath() throws Exception {
    install();
    Files.delete(file(LINUX.enabledFlag())); // stopped: enabled-flag says how to start
    CheckResult bare = StateChecks.enabledFlag("enabled-flag", context(LINUX));
    assertEquals("sudo /opt/agentmon/bin/agentmon start", bare.fix(), "without the package's links: the full path");
    Files.createDirectories(file("/usr/bin"));
    Files.createSymbolicLink(file("/usr/bin/agentmon"), Path.of(LINUX.launcherDir() + "/agentmon"));
    Files.createSymbolicLink(file("/usr/bin/agentmon-installer"), Path.of(LINUX.installerProgram()));
    assertEquals("sudo agentmon start", StateChecks.enabledFlag("enabled-flag", context(LINUX)).fix());
    Files.delete(file(LINUX.loginItemFile()));
    assertEquals("sudo agentmon-installer install", FileChecks.plistLint("plist-lint", context(LINUX)).fix());
    Layout elsewhere = new Layout(Platform.LINUX, "/srv/agentmon");
    assertEquals("sudo /srv/agentmon/bin/agentmon start",
        StateChecks.enabledFlag("enabled-flag", context(elsewhere)).fix(),
        "a link to another copy is not this one");
  }
}
