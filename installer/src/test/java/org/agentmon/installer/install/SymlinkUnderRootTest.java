package org.agentmon.installer.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    return Fixtures.linux(root);
  }

  private static List<Path> contents(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !p.equals(dir)).sorted().toList();
    }
  }

  private static String error(Fixtures f) {
    return f.lines().get(f.lines().size() - 1);
  }

  /** The run failed, and its last line refuses {@code link}, saying where it points. */
  private static void assertRefused(int code, Fixtures f, Path link) throws IOException {
    assertEquals(1, code, f.text.toString());
    assertTrue(error(f).startsWith(REFUSED + link + " (-> " + Files.readSymbolicLink(link) + ")"), f.text.toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"etc", "var"})
  void aLinkedTopDirectoryIsRefusedBeforeAnythingIsWritten(String top) throws IOException {
    Path link = Files.createSymbolicLink(root.resolve(top), elsewhere);
    Fixtures f = linux();
    assertRefused(f.installer(false, false, false).install(), f, link);
    assertEquals(List.of(), contents(elsewhere), "nothing written where the link points");
    assertEquals(List.of(link), contents(root), "checked before the first write");
  }

  @Test
  void dryRunShowsTheSameRefusal() throws IOException {
    Files.createSymbolicLink(root.resolve("etc"), elsewhere);
    Fixtures f = linux();
    assertRefused(f.installer(true, false, false).install(), f, root.resolve("etc"));
  }

  @Test
  void symlinkedUnitFileIsNeitherWrittenThroughNorReplaced() throws IOException {
    Path units = Files.createDirectories(root.resolve("etc/systemd/system"));
    Path theirs = Files.writeString(elsewhere.resolve("theirs"), "someone else's file\n");
    Path unit = Files.createSymbolicLink(units.resolve("agentmon.service"), theirs);
    Fixtures f = linux();
    assertRefused(f.installer(false, false, false).install(), f, unit);
    assertEquals("someone else's file\n", Files.readString(theirs));
    assertTrue(Files.isSymbolicLink(unit));
  }

  @Test
  void purgeThroughASymlinkedVarDeletesNothingInItsTarget() throws IOException {
    linux().installed();
    Path realVar = elsewhere.resolve("realvar");
    Files.move(root.resolve("var"), realVar);
    Files.createSymbolicLink(root.resolve("var"), realVar);
    List<Path> before = contents(realVar);
    Fixtures u = linux();
    assertRefused(u.installer(false, false, false).uninstall(true), u, root.resolve("var"));
    assertEquals(before, contents(realVar));
    assertTrue(Files.isRegularFile(realVar.resolve("lib/agentmon/enabled")));
  }

  @Test
  void purgeOfASymlinkedStateDirectoryDeletesNothingInItsTarget() throws IOException {
    linux().installed();
    Path state = root.resolve("var/lib/agentmon");
    Path realState = elsewhere.resolve("state");
    Files.move(state, realState);
    Files.createSymbolicLink(state, realState);
    Fixtures u = linux();
    assertRefused(u.installer(false, false, false).uninstall(true), u, state);
    assertTrue(Files.isRegularFile(realState.resolve("enabled")));
    assertTrue(Files.isSymbolicLink(state));
  }

  @Test
  void aLinkFileInsideTheStateDirectoryIsRemovedNotFollowed() throws IOException {
    linux().installed();
    Path theirs = Files.writeString(elsewhere.resolve("theirs"), "keep me\n");
    Files.createSymbolicLink(root.resolve("var/lib/agentmon/events.spool"), theirs);
    Fixtures u = linux();
    assertEquals(0, u.installer(false, false, false).uninstall(true), u.text.toString());
    assertTrue(Files.notExists(root.resolve("var/lib/agentmon"), LinkOption.NOFOLLOW_LINKS));
    assertEquals("keep me\n", Files.readString(theirs));
  }
}
