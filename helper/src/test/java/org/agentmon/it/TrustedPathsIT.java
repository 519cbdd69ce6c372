package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.RawClient;
import org.agentmon.it.fixtures.Tools;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.RunState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 10, items 13 and 14, as root with a real helper: {@code --socket}, {@code --state-dir} and
 * {@code --log-file} through a symbolic link (to the path or to a directory on the way) are refused
 * with a message naming the link, and nothing is created or written where it points; a state
 * directory under a parent others may write is refused; one swapped for a link after start is not
 * written through.
 */
class TrustedPathsIT {
  @TempDir
  Path dir;
  private Path elsewhere;
  private Path secret;

  @BeforeEach
  void elsewhere() throws IOException {
    assumeTrue(Tools.isRoot(), "the attack is on root: root must be the one that refuses the links");
    elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    secret = Files.writeString(elsewhere.resolve("root-only"), "secret\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
  }

  /** The three paths a helper is given, where a link to each points, and how the helper refuses it. */
  enum Given {
    SOCKET(h -> h.socket, "bound-here.sock", "run", true),
    LOG_FILE(h -> h.logFile, "root-only", "logs", true),
    STATE_DIR(h -> h.stateDir, "", "lib", false);

    final Function<HelperProcess, Path> path;
    /** In {@code elsewhere}: what a link in place of the path points to, and the name under a linked directory. */
    final String there;
    final String linkedDir;
    /** Refused by exiting; a state directory is refused by serving in safe mode. */
    final boolean exits;

    Given(Function<HelperProcess, Path> path, String there, String linkedDir, boolean exits) {
      this.path = path;
      this.there = there;
      this.linkedDir = linkedDir;
      this.exits = exits;
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Given.class)
  void aPathThatIsALinkIsRefused(Given given) throws Exception {
    HelperProcess h = new HelperProcess(dir.resolve("h"));
    Files.createDirectories(h.dir);
    Path path = given.path.apply(h);
    Files.createSymbolicLink(path, elsewhere.resolve(given.there));
    assertRefused(given, h, h.command(), path + " is a symbolic link");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Given.class)
  void aPathThroughALinkedDirectoryIsRefused(Given given) throws Exception {
    HelperProcess h = new HelperProcess(dir.resolve("h"));
    Path link = Files.createSymbolicLink(Files.createDirectories(h.dir).resolve(given.linkedDir), elsewhere);
    Path through = link.resolve(given.there.isEmpty() ? "state" : given.there);
    assertRefused(given, h, replace(h.command(), given.path.apply(h), through), link + " is a symbolic link");
  }

  @Test
  void aStateDirectoryUnderAParentOthersMayWriteIsRefused() throws Exception {
    HelperProcess h = new HelperProcess(dir.resolve("h"));
    Path shared = Files.createDirectories(h.dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertRefused(Given.STATE_DIR, h, replace(h.command(), h.stateDir, shared.resolve("state")),
        shared + " is writable by group or others");
    assertEquals(List.of(), names(shared), "nothing was created where anyone could swap it");
  }

  @Test
  void aStateDirectorySwappedForALinkAfterStartIsNotWrittenThrough() throws Exception {
    try (HelperProcess h = new HelperProcess(dir.resolve("h")).start()) {
      Files.writeString(elsewhere.resolve("enabled"), "theirs\n");
      List<String> before = names(elsewhere);
      Files.move(h.stateDir, h.dir.resolve("moved-away"));
      Files.createSymbolicLink(h.stateDir, elsewhere);
      String stop = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"stop\"}";
      assertEquals(ErrorCodes.NOT_PERSISTED, RawClient.errorCode(RawClient.call(h.socket, stop)));
      assertTrue(h.process().isAlive(), "a stop that could not be written is not made");
      String problem = String.valueOf(h.status().problem());
      assertTrue(problem.contains(h.stateDir + " is a symbolic link"), problem);
      assertEquals(before, names(elsewhere));
      assertEquals("theirs\n", Files.readString(elsewhere.resolve("enabled")));
      assertEquals("secret\n", Files.readString(secret));
    }
    assertEquals(List.of("enabled", "root-only"), names(elsewhere), "not even at exit");
  }

  /**
   * The helper exits non-zero before binding (or, for the state directory, answers in safe mode)
   * naming the refused path, and nothing appears in or changes where the link points.
   */
  private void assertRefused(Given given, HelperProcess h, List<String> cmd, String expected) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(h.dir.resolve("process.out").toFile())
        .start();
    h.track(p.pid());
    try (h) {
      if (given.exits) {
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the helper refuses and exits");
        assertNotEquals(0, p.exitValue());
        assertTrue(Files.notExists(h.socket, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(h.socket),
            "refused before binding");
      } else {
        var s = h.awaitAnswer(Duration.ofSeconds(20));
        assertEquals(RunState.SAFE_MODE, s.state());
        assertTrue(String.valueOf(s.reason()).contains(expected), s.reason());
      }
      assertTrue(h.log().contains(expected), h.log());
    }
    assertEquals(List.of("root-only"), names(elsewhere), "nothing created where the link points");
    assertEquals("secret\n", Files.readString(secret), "and nothing written there");
  }

  private static List<String> replace(List<String> cmd, Path from, Path to) {
    List<String> out = new ArrayList<>(cmd);
    out.replaceAll(a -> a.equals(from.toString()) ? to.toString() : a);
    return out;
  }

  private static List<String> names(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
