package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admin membership from Directory Services (nested and network groups on macOS). {@code id} and
 * {@code dseditgroup} do not exist here as macOS has them: fakes record every call and answer as
 * the real ones do (dseditgroup exits 0 for a member, 67 otherwise).
 */
class DirectoryMembershipTest {
  @TempDir Path dir;
  Path calls;
  Path id;
  Path dseditgroup;
  final AtomicLong now = new AtomicLong(1_000_000);

  private Path script(String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\necho \"" + name + " $*\" >> '" + calls + "'\n" + body);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @BeforeEach
  void fakes() throws IOException {
    calls = dir.resolve("calls");
    id = script("id", "case \"$2\" in 501) echo alice;; 502) echo bob;; 503) echo 'x y;rm'; ;; *) exit 1;; esac\n");
    dseditgroup = script("dseditgroup",
        "[ \"$4\" = alice ] && { echo \"yes alice is a member of $5\"; exit 0; }\necho \"no $4 is NOT a member of $5\"; exit 67\n");
  }

  private DirectoryMembership membership() {
    return new DirectoryMembership(id.toString(), dseditgroup.toString(), now::get);
  }

  private List<String> calls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  @Test
  void aNestedOrNetworkMemberIsFoundAndOthersAreNot() throws IOException {
    DirectoryMembership m = membership();
    assertTrue(m.isMember(501, "admin"));
    assertFalse(m.isMember(502, "admin"));
    assertEquals(List.of("id -un 501", "dseditgroup -o checkmember -m alice admin",
        "id -un 502", "dseditgroup -o checkmember -m bob admin"), calls());
  }

  @Test
  void answersAreCachedBrieflyPerUid() throws IOException {
    DirectoryMembership m = membership();
    assertTrue(m.isMember(501, "admin"));
    now.addAndGet(DirectoryMembership.TTL_MILLIS - 1);
    assertTrue(m.isMember(501, "admin"));
    assertEquals(2, calls().size(), "the second answer came from the cache: " + calls());
    now.addAndGet(1);
    assertTrue(m.isMember(501, "admin"));
    assertEquals(4, calls().size(), "asked again after the cache expired: " + calls());
  }

  @Test
  void aNameThatIsNotAPlainAccountNameIsNeverPassedOn() throws IOException {
    assertFalse(membership().isMember(503, "admin"));
    assertFalse(membership().isMember(504, "admin"));
    assertEquals(List.of("id -un 503", "id -un 504"), calls());
  }

  @Test
  void missingToolsMeanNotAMember() {
    DirectoryMembership m = new DirectoryMembership(dir.resolve("no-id").toString(), dseditgroup.toString(), now::get);
    assertFalse(m.isMember(501, "admin"));
  }
}
