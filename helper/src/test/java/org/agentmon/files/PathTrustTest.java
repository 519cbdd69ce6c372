package org.agentmon.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files root appends to or binds (log, socket): issue 10, item 14, without a process. */
class PathTrustTest {
  private static final long UID = new com.sun.security.auth.module.UnixSystem().getUid();

  @TempDir
  Path dir;

  @Test
  void aFileThatIsALinkOrBehindOneIsRefusedByName() throws IOException {
    Path target = Files.writeString(dir.resolve("target"), "secret");
    Path link = Files.createSymbolicLink(dir.resolve("helper.log"), target);
    IOException e = assertThrows(IOException.class, () -> PathTrust.file(link, UID, "log file"));
    assertTrue(e.getMessage().startsWith(link + " is a symbolic link"), e.getMessage());
    Path linkedDir = Files.createSymbolicLink(dir.resolve("logs"), dir);
    IOException behind = assertThrows(IOException.class,
        () -> PathTrust.file(linkedDir.resolve("target"), UID, "log file"));
    assertTrue(behind.getMessage().startsWith(linkedDir + " is a symbolic link"), behind.getMessage());
    assertEquals("secret", Files.readString(target));
  }

  @Test
  void aFifoIsRefusedARegularFileOrAMissingOneIsFine() throws Exception {
    Path fifo = dir.resolve("helper.log");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is needed to make a FIFO");
    IOException e = assertThrows(IOException.class, () -> PathTrust.file(fifo, UID, "log file"));
    assertEquals("log file " + fifo + " is a named pipe (FIFO): refusing to write to it", e.getMessage());
    assertEquals(dir.resolve("new.log"), PathTrust.file(dir.resolve("new.log"), UID, "log file"));
    Files.writeString(dir.resolve("old.log"), "x");
    assertEquals(dir.resolve("old.log"), PathTrust.file(dir.resolve("old.log"), UID, "log file"));
  }

  @Test
  void aFileOfAnotherUserIsRefused() throws IOException {
    assumeTrue(UID == 0, "needs root to give a file away");
    Path theirs = Files.writeString(dir.resolve("helper.log"), "");
    Files.setAttribute(theirs, "unix:uid", 65534);
    IOException e = assertThrows(IOException.class, () -> PathTrust.file(theirs, UID, "log file"));
    assertTrue(e.getMessage().contains("is owned by uid 65534, another user"), e.getMessage());
  }

  @Test
  void aGroupWritableDirectoryIsTrustedOnlyForMacOsSystemGroups() throws IOException {
    assumeTrue(UID == 0, "needs root to give a directory to another group");
    Path logs = Files.createDirectory(dir.resolve("logs"));
    Files.setPosixFilePermissions(logs, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxr-x"));
    Files.setAttribute(logs, "unix:gid", 80); // like macOS /Library/Logs: root:admin 0775
    Path log = logs.resolve("helper.log");
    java.util.Set<Long> here = PathTrust.trustedGroups;
    try {
      PathTrust.trustedGroups = PathTrust.trustedGroups(Platform.fromOsName("Linux"));
      IOException linux = assertThrows(IOException.class, () -> PathTrust.file(log, UID, "log file"));
      assertTrue(linux.getMessage().contains("is writable by group or others"), linux.getMessage());
      PathTrust.trustedGroups = PathTrust.trustedGroups(Platform.fromOsName("Mac OS X"));
      assertEquals(log, PathTrust.file(log, UID, "log file"));
      Files.setAttribute(logs, "unix:gid", 65534);
      IOException other = assertThrows(IOException.class, () -> PathTrust.file(log, UID, "log file"));
      assertTrue(other.getMessage().contains("is writable by group or others"), other.getMessage());
    } finally {
      PathTrust.trustedGroups = here;
    }
  }

  /** The configuration's check is the same owner and mode rule, kept as strict as ConfigLoader's was. */
  @Test
  void aSettingsFileMayBeWrittenByNoGroupEvenWhereDirectoriesTrustOne() throws IOException {
    assumeTrue(UID == 0, "needs root to give a file to another group");
    Path plist = Files.writeString(dir.resolve("org.agentmon.helper.plist"), "<plist/>");
    Files.setAttribute(plist, "unix:gid", 80);
    java.util.Set<Long> here = PathTrust.trustedGroups;
    try {
      PathTrust.trustedGroups = PathTrust.trustedGroups(Platform.fromOsName("Mac OS X"));
      Files.setPosixFilePermissions(plist, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
      IOException e = assertThrows(IOException.class, () -> PathTrust.settingsFile(plist, UID));
      assertEquals(plist + " is writable by group or others (rw-rw-r--): refusing it (run chmod go-w " + plist + ")",
          e.getMessage());
      Files.setPosixFilePermissions(plist, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      PathTrust.settingsFile(plist, UID);
      PathTrust.settingsFile(Files.createSymbolicLink(dir.resolve("linked.plist"), plist), UID); // read through, as before
      Files.setAttribute(plist, "unix:uid", 65534);
      IOException theirs = assertThrows(IOException.class, () -> PathTrust.settingsFile(plist, UID));
      assertEquals(plist + " is owned by uid 65534, another user: refusing it (run chown root " + plist + ")",
          theirs.getMessage());
    } finally {
      PathTrust.trustedGroups = here;
    }
  }
}
