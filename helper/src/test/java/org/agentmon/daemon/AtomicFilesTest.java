package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  @Test
  void replacesContentAndLeavesNoTempFiles() throws IOException {
    Path f = dir.resolve("state");
    AtomicFiles.write(f, "one".getBytes());
    AtomicFiles.write(f, "two".getBytes());
    assertEquals("two", Files.readString(f));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temp file is left behind");
    }
  }

  @Test
  void deleteIsIdempotent() throws IOException {
    Path f = dir.resolve("flag");
    AtomicFiles.write(f, new byte[0]);
    AtomicFiles.delete(f);
    AtomicFiles.delete(f);
    assertFalse(Files.exists(f));
  }

  @Test
  void aFailedWriteLeavesTheOldContent() throws IOException {
    Path f = dir.resolve("state");
    AtomicFiles.write(f, "old".getBytes());
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
    try {
      org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(dir),
          "running as root: a read-only directory is still writable");
      assertThrows(IOException.class, () -> AtomicFiles.write(f, "new".getBytes()));
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
    assertEquals("old", Files.readString(f));
  }
}
