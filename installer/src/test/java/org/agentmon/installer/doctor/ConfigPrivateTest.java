package org.agentmon.installer.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.agentmon.installer.install.Host;
import org.agentmon.installer.install.InstallTarget;
import org.agentmon.installer.render.Layout;
import org.agentmon.platform.CommandResult;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config-private}: a preferences file holding the enrollment token that every user can read. */
class ConfigPrivateTest {
  private static final String LINUX_FILE = "/etc/agentmon/org.agentmon.helper.plist";
  private static final String MAC_LOCAL = "/Library/Preferences/org.agentmon.helper.plist";
  private static final String MAC_MANAGED = "/Library/Managed Preferences/org.agentmon.helper.plist";

  @TempDir Path root;

  private CheckResult check(Platform p) throws IOException {
    DoctorContext c = new DoctorContext(new InstallTarget(root, Layout.standard(p), "1.0.0", false),
        cmd -> new CommandResult(1, "not asked"), new Host(true, null, DoctorTest.UID), () -> null);
    CheckResult r = ConfigChecks.configPrivate("config-private", c);
    assertEquals("config-private", r.name());
    return r;
  }

  private Path write(String systemPath, String mode, String... keysAndValues) throws IOException {
    NSDictionary d = new NSDictionary();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      d.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    Path f = root.resolve(systemPath.substring(1));
    Files.createDirectories(f.getParent());
    PropertyListParser.saveAsXML(d, f.toFile());
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
    return f;
  }

  @Test
  void aTokenEveryUserCanReadFailsAndTheFixMakesItPass() throws IOException {
    Path f = write(LINUX_FILE, "rw-r--r--", "ServerURL", "https://a.example", "EnrollmentToken", "S3CRET");
    CheckResult r = check(Platform.LINUX);
    assertEquals(Verdict.FAIL, r.verdict(), r.toString());
    assertEquals(LINUX_FILE + " holds the EnrollmentToken and every user can read it (0644)", r.message());
    assertEquals("sudo chmod 600 '" + LINUX_FILE + "'", r.fix());
    assertTrue(!r.toString().contains("S3CRET"), "the token itself is never shown");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------")); // what the fix does
    assertEquals(Verdict.PASS, check(Platform.LINUX).verdict());
  }

  @Test
  void onMacTheManagedFileCountsAndATokenlessReadableFileIsFine() throws IOException {
    write(MAC_LOCAL, "rw-r--r--", "ServerURL", "https://a.example"); // the usual 0644 preferences: no secret
    CheckResult clean = check(Platform.MACOS);
    assertEquals(Verdict.PASS, clean.verdict(), clean.toString());
    assertEquals("no preferences file that every user can read holds the EnrollmentToken", clean.message());
    write(MAC_MANAGED, "rw-r--r--", "EnrollmentToken", "S3CRET");
    CheckResult r = check(Platform.MACOS);
    assertEquals(Verdict.FAIL, r.verdict(), r.toString());
    assertEquals("sudo chmod 600 '" + MAC_MANAGED + "'", r.fix());
  }

  @Test
  void noPreferencesFilePasses() throws IOException {
    CheckResult r = check(Platform.LINUX);
    assertEquals(Verdict.PASS, r.verdict());
    assertEquals("no preferences file: no token to keep private", r.message());
  }

  @Test
  void aReadableFifoIsAWarningAndDoesNotHang() throws Exception {
    Path fifo = root.resolve(LINUX_FILE.substring(1));
    Files.createDirectories(fifo.getParent());
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", "-m", "644", fifo.toString()).inheritIO().start();
    } catch (IOException e) {
      Assumptions.abort("mkfifo is not available: " + e.getMessage());
      return;
    }
    Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo failed");
    CheckResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> check(Platform.LINUX));
    assertEquals(Verdict.WARN, r.verdict(), r.toString());
    assertTrue(r.message().startsWith("cannot tell whether " + LINUX_FILE + ", which every user can read, holds the "
        + "EnrollmentToken: "), r.message());
    assertTrue(r.message().contains("not a regular file"), r.message());
  }
}
