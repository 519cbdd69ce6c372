package org.agentmon.installer.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.attribute.PosixFilePermissions;
import org.agentmon.installer.doctor.ProgramChecks.Trust;
import org.junit.jupiter.api.Test;

/** Who can write a component on the way to the helper, as a table (macOS's groups do not exist here). */
class ProgramTrustTest {
  private static Trust classify(int uid, int gid, String group, String perms) {
    return ProgramChecks.classify(uid, gid, group, PosixFilePermissions.fromString(perms), 0);
  }

  @Test
  void table() {
    assertEquals(Trust.ROOT_ONLY, classify(0, 0, "wheel", "rwxr-xr-x"));
    assertEquals(Trust.ROOT_ONLY, classify(0, 0, "wheel", "rwxrwxr-x"), "group wheel is root's");
    assertEquals(Trust.ROOT_ONLY, classify(0, 80, "admin", "rwxr-xr-x"));
    // macOS's /Applications: root:admin 0775.
    assertEquals(Trust.ADMIN_WRITABLE, classify(0, 80, "admin", "rwxrwxr-x"));
    assertEquals(Trust.OTHERS_WRITABLE, classify(0, 20, "staff", "rwxrwxr-x"));
    assertEquals(Trust.OTHERS_WRITABLE, classify(0, 0, "wheel", "rwxr-xrwx"));
    assertEquals(Trust.OTHERS_WRITABLE, classify(501, 20, "staff", "rwxr-xr-x"), "a user's own directory");
  }
}
