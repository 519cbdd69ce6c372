package org.agentmon.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic replacement, and the temp files a kill -9 mid-write leaves (issue 10, item 9). */
class AtomicFilesTest {
  @TempDir
  Path dir;

  @Test
  void replacesContentAndLeavesNoTempFiles() throws IOException {
    StateDir d = StateDir.open(dir);
    d.write("state", "one".getBytes());
    d.write("state", "two".getBytes());
    assertEquals("two", Files.readString(dir.resolve("state")));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state"))));
    assertEquals(List.of("state"), names(), "no temp file is left behind");
  }

  @Test
  void deleteIsIdempotent() throws IOException {
    StateDir d = StateDir.open(dir);
    d.write("flag", new byte[0]);
    d.delete("flag");
    d.delete("flag");
    assertFalse(Files.exists(dir.resolve("flag")));
  }

  @Test
  void aFailedWriteLeavesTheOldContentAndNoTempFile() throws IOException {
    StateDir d = StateDir.open(dir);
    d.write("state", "old".getBytes());
    assertThrows(IOException.class, () -> d.replace("state", ch -> {
      ch.write(java.nio.ByteBuffer.wrap("half".getBytes()));
      throw new IOException("disk gone");
    }));
    assertEquals("old", Files.readString(dir.resolve("state")));
    assertEquals(List.of("state"), names());
  }

  @Test
  void leftoversOfKilledWritersAreRemovedAtOpenButALiveWritersAreKept() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    assertTrue(dead.waitFor(10, TimeUnit.SECONDS));
    Process live = new ProcessBuilder("sleep", "60").start();
    try {
      // As kill -9 between create and rename left them: this version's names and an older one's random ones.
      Files.writeString(dir.resolve(".runs.json." + dead.pid() + ".tmp"), "{\"ru");
      Files.writeString(dir.resolve(".enabled." + ProcessHandle.current().pid() + ".tmp"), "");
      Files.writeString(dir.resolve(".runs.json.8123456789012345678.tmp"), "");
      Files.writeString(dir.resolve(".events.spool.4242424242424242.tmp"), "");
      Files.writeString(dir.resolve(".host-id." + live.pid() + ".tmp"), "being written");
      Files.writeString(dir.resolve("runs.json"), "{\"runs\":[]}");
      Files.writeString(dir.resolve("notes.tmp"), "not ours");
      StateDir.open(dir);
      assertEquals(List.of(".host-id." + live.pid() + ".tmp", "notes.tmp", "runs.json"), names());
    } finally {
      live.destroyForcibly();
    }
  }

  @Test
  void repeatedInterruptedWritesLeaveAtMostOneTempPerFile() throws IOException {
    StateDir d = StateDir.open(dir);
    for (int i = 0; i < 20; i++) {
      // What a kill between create and rename leaves, write after write: always the same name.
      Files.writeString(AtomicFiles.tempOf(dir, "runs.json"), "torn " + i);
      d.write("runs.json", ("v" + i).getBytes());
    }
    assertEquals(List.of("runs.json"), names());
    assertEquals("v19", Files.readString(dir.resolve("runs.json")));
  }

  @Test
  void aLinkPlantedAtTheTempNameIsReplacedNotFollowed() throws IOException {
    Path target = Files.writeString(dir.resolve("target"), "keep");
    Path state = dir.resolve("state");
    StateDir d = StateDir.open(state);
    Files.createSymbolicLink(AtomicFiles.tempOf(state, "runs.json"), target);
    d.write("runs.json", "new".getBytes());
    assertEquals("keep", Files.readString(target));
    assertEquals("new", Files.readString(state.resolve("runs.json")));
  }

  /** The installer's and the app's writes: any file, mode set before the rename, this file's leftovers cleaned. */
  @Test
  void writeSetsTheModeBeforeTheRenameAndCleansOnlyThisFilesLeftoversOfDeadWriters() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    assertTrue(dead.waitFor(10, TimeUnit.SECONDS));
    Files.writeString(dir.resolve(".unit." + dead.pid() + ".tmp"), "torn");
    Files.writeString(dir.resolve(".other." + dead.pid() + ".tmp"), "not this file's");
    AtomicFiles.write(dir.resolve("unit"), "one".getBytes(), tmp -> {
      assertEquals(AtomicFiles.tempOf(dir, "unit"), tmp);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
    });
    assertEquals("one", Files.readString(dir.resolve("unit")));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("unit"))));
    assertEquals(List.of(".other." + dead.pid() + ".tmp", "unit"), names());
    AtomicFiles.write(dir.resolve("login"), "two".getBytes());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("login"))));
  }

  @Test
  void aRefusalBeforeTheRenameLeavesTheOldContentAndNoTempFile() throws IOException {
    Files.writeString(dir.resolve("unit"), "old");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("unit"), "new".getBytes(),
        tmp -> {
          throw new IOException("a link appeared on the way");
        }));
    assertEquals("a link appeared on the way", e.getMessage());
    assertEquals("old", Files.readString(dir.resolve("unit")));
    assertEquals(List.of("unit"), names());
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
