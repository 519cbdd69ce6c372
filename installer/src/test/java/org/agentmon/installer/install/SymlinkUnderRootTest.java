package org.agentmon.installer.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installer never writes, replaces or deletes through a symbolic link below {@code --root}:
 * a linked {@code etc/}, {@code var/}, unit file or state directory is refused with its path, and
 * nothing changes in the link's target.
 */
class SymlinkUnderRootTest {
  @TempDir Path root;
  @TempDir Path elsewhere;

  private static final String REFUSED = "agentmon-installer: error: refusing to follow the symbolic link ";

  private Fixtures linux() {
    return new Fixtures(root, Platform.LINUX, new RecordingRunner());
  }

  private static List<Path> contents(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.equals(dir)).sorted().toList();
    }
  }

  private static String error(Fixtures f) {
    return f.lines().get(f.lines().size() - 1);
  }

  @Test
  void symlinkedEtcIsRefusedAndNothingIsWrittenInItsTarget() throws IOException {
    Files.createSymbolicLink(root.resolve("etc"), elsewhere);
    Fixtures f = linux();
    assertEquals(1, f.installer(false, false, false).install(), f.text.toString());
    assertTrue(error(f).startsWith(REFUSED + root.resolve("etc") + " (-> " + elsewhere + ")"), f.text.toString());
    assertEquals(List.of(), contents(elsewhere));
  }

  @Test
  void symlinkedVarIsRefusedBeforeAnythingIsWritten() throws IOException {
    Files.createSymbolicLink(root.resolve("var"), elsewhere);
    Fixtures f = linux();
    assertEquals(1, f.installer(false, false, false).install(), f.text.toString());
    assertTrue(error(f).startsWith(REFUSED + root.resolve("var") + " "), f.text.toString());
    assertEquals(List.of(), contents(elsewhere));
    assertEquals(List.of(root.resolve("var")), contents(root), "checked before the first write");
  }

  @Test
  void dryRunShowsTheSameRefusal() throws IOException {
    Files.createSymbolicLink(root.resolve("etc"), elsewhere);
    Fixtures f = linux();
    assertEquals(1, f.installer(true, false, false).install(), f.text.toString());
    assertTrue(error(f).startsWith(REFUSED + root.resolve("etc") + " "), f.text.toString());
  }

  @Test
  void symlinkedUnitFileIsNeitherWrittenThroughNorReplaced() throws IOException {
    Path units = Files.createDirectories(root.resolve("etc/systemd/system"));
    Path theirs = Files.writeString(elsewhere.resolve("theirs"), "someone else's file\n");
    Path unit = Files.createSymbolicLink(units.resolve("agentmon.service"), theirs);
    Fixtures f = linux();
    assertEquals(1, f.installer(false, false, false).install(), f.text.toString());
    assertTrue(error(f).startsWith(REFUSED + unit + " (-> " + theirs + ")"), f.text.toString());
    assertEquals("someone else's file\n", Files.readString(theirs));
    assertTrue(Files.isSymbolicLink(unit));
  }

  @Test
  void purgeThroughASymlinkedVarDeletesNothingInItsTarget() throws IOException {
    Fixtures f = linux();
    assertEquals(0, f.installer(false, false, false).install(), f.text.toString());
    Path realVar = elsewhere.resolve("realvar");
    Files.move(root.resolve("var"), realVar);
    Files.createSymbolicLink(root.resolve("var"), realVar);
    List<Path> before = contents(realVar);
    Fixtures u = linux();
    assertEquals(1, u.installer(false, false, false).uninstall(true), u.text.toString());
    assertTrue(error(u).startsWith(REFUSED + root.resolve("var") + " "), u.text.toString());
    assertEquals(before, contents(realVar));
    assertTrue(Files.isRegularFile(realVar.resolve("lib/agentmon/enabled")));
  }

  @Test
  void purgeOfASymlinkedStateDirectoryDeletesNothingInItsTarget() throws IOException {
    Fixtures f = linux();
    assertEquals(0, f.installer(false, false, false).install(), f.text.toString());
    Path state = root.resolve("var/lib/agentmon");
    Path realState = elsewhere.resolve("state");
    Files.move(state, realState);
    Files.createSymbolicLink(state, realState);
    Fixtures u = linux();
    assertEquals(1, u.installer(false, false, false).uninstall(true), u.text.toString());
    assertTrue(error(u).startsWith(REFUSED + state + " (-> " + realState + ")"), u.text.toString());
    assertTrue(Files.isRegularFile(realState.resolve("enabled")));
    assertTrue(Files.isSymbolicLink(state));
  }

  @Test
  void aLinkFileInsideTheStateDirectoryIsRemovedNotFollowed() throws IOException {
    Fixtures f = linux();
    assertEquals(0, f.installer(false, false, false).install(), f.text.toString());
    Path theirs = Files.writeString(elsewhere.resolve("theirs"), "keep me\n");
    Files.createSymbolicLink(root.resolve("var/lib/agentmon/events.spool"), theirs);
    Fixtures u = linux();
    assertEquals(0, u.installer(false, false, false).uninstall(true), u.text.toString());
    assertTrue(Files.notExists(root.resolve("var/lib/agentmon"), LinkOption.NOFOLLOW_LINKS));
    assertEquals("keep me\n", Files.readString(theirs));
  }
}
