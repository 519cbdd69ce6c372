package org.agentmon.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * Root follows no planted link (issue 10, items 12 and 13): every way into a state file refuses a
 * link or a FIFO in its place and never touches what the link points to; the directory itself is
 * checked like sshd's StrictModes, at open and again before every use.
 */
class StateDirTest {
  @TempDir
  Path dir;

  @Test
  void everyOperationRefusesAPlantedLinkAndLeavesItsTargetAlone() throws IOException {
    Path target = Files.writeString(dir.resolve("root-only"), "secret");
    Path state = dir.resolve("state");
    StateDir d = StateDir.open(state);
    Files.createSymbolicLink(state.resolve("f"), target);
    List<Executable> ops = List.of(
        () -> d.exists("f"),
        () -> d.read("f"),
        () -> d.readLine("f"),
        () -> d.open("f", StandardOpenOption.WRITE, StandardOpenOption.APPEND, StandardOpenOption.CREATE).close(),
        () -> d.open("f", StandardOpenOption.WRITE).close(),
        () -> d.write("f", "x".getBytes()),
        () -> d.delete("f"));
    for (Executable op : ops) {
      IOException e = assertThrows(IOException.class, op);
      assertTrue(e.getMessage().contains(state.resolve("f") + " is a symbolic link"), e.getMessage());
    }
    assertEquals("secret", Files.readString(target));
    assertTrue(Files.isSymbolicLink(state.resolve("f")), "refused, not replaced behind the admin's back");
  }

  @Test
  void aPlantedFifoIsRefusedWithoutBlocking() throws Exception {
    Path state = dir.resolve("state");
    StateDir d = StateDir.open(state);
    Process mk = new ProcessBuilder("mkfifo", state.resolve("events.spool").toString()).start();
    assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is needed to plant a FIFO");
    IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(IOException.class,
        () -> d.open("events.spool", StandardOpenOption.WRITE, StandardOpenOption.APPEND)));
    assertTrue(e.getMessage().contains("is a named pipe (FIFO), not a regular file"), e.getMessage());
    assertThrows(IOException.class, () -> d.read("events.spool"));
  }

  @Test
  void aStateDirectoryThatIsALinkIsRefused() throws IOException {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("state"), real);
    IOException e = assertThrows(IOException.class, () -> StateDir.open(link));
    assertEquals(link + " is a symbolic link", e.getMessage().substring(0, e.getMessage().indexOf(':')));
    IOException below = assertThrows(IOException.class, () -> StateDir.open(link.resolve("sub")));
    assertTrue(below.getMessage().startsWith(link + " is a symbolic link"), below.getMessage());
    assertEquals(List.of(), list(real), "nothing was created where the link points");
  }

  @Test
  void aParentWritableByOthersIsRefusedUnlessSticky() throws IOException {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    IOException e = assertThrows(IOException.class, () -> StateDir.open(shared.resolve("state")));
    assertTrue(e.getMessage().startsWith(shared + " is writable by group or others (rwxrwxrwx)"), e.getMessage());
    assertTrue(Files.notExists(shared.resolve("state")), "not even created");
    Files.setAttribute(shared, "unix:mode", 01777); // like /tmp: nobody can rename what is ours
    StateDir.open(shared.resolve("state")).write("enabled", "1\n".getBytes());
    assertTrue(Files.exists(shared.resolve("state/enabled")));
  }

  @Test
  void aStateDirectoryOthersMayWriteIsRefusedEvenWhenSticky() throws IOException {
    Path state = Files.createDirectory(dir.resolve("state"));
    Files.setAttribute(state, "unix:mode", 01777);
    IOException e = assertThrows(IOException.class, () -> StateDir.open(state));
    assertTrue(e.getMessage().startsWith(state + " is writable by group or others"), e.getMessage());
  }

  @Test
  void aDirectorySwappedForALinkAfterOpenIsRefusedBeforeEveryUse() throws IOException {
    Path state = dir.resolve("state");
    StateDir d = StateDir.open(state);
    d.write("enabled", "1\n".getBytes());
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("enabled"), "theirs");
    Files.move(state, dir.resolve("moved"));
    Files.createSymbolicLink(state, elsewhere);
    for (Executable op : List.<Executable>of(() -> d.delete("enabled"), () -> d.write("runs.json", new byte[1]),
        () -> d.open("events.spool", StandardOpenOption.CREATE, StandardOpenOption.WRITE).close())) {
      IOException e = assertThrows(IOException.class, op);
      assertTrue(e.getMessage().startsWith(state + " is a symbolic link"), e.getMessage());
    }
    assertEquals(List.of("enabled"), list(elsewhere));
    assertEquals("theirs", Files.readString(elsewhere.resolve("enabled")));
  }

  @Test
  void aDirectorySwappedForAnotherDirectoryIsRefused() throws IOException {
    Path state = dir.resolve("state");
    StateDir d = StateDir.open(state);
    Files.move(state, dir.resolve("moved"));
    Files.createDirectory(state, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    IOException e = assertThrows(IOException.class, () -> d.write("enabled", new byte[0]));
    assertTrue(e.getMessage().contains("was replaced by another directory"), e.getMessage());
    assertEquals(List.of(), list(state));
  }

  @Test
  void anAncestorOwnedByAnotherUserIsRefused() throws IOException {
    assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "needs root to give a directory away");
    Path theirs = Files.createDirectory(dir.resolve("theirs"));
    Files.setAttribute(theirs, "unix:uid", 65534);
    IOException e = assertThrows(IOException.class, () -> StateDir.open(theirs.resolve("state")));
    assertTrue(e.getMessage().startsWith(theirs + " is owned by uid 65534, another user"), e.getMessage());
  }

  private static List<String> list(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
