package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.agentmon.protocol.ErrorCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, item 12: a link or a FIFO planted in place of any state file. The helper still comes
 * up (no hang, no crash), says which file it refused and why, and never reads, truncates, appends
 * to or creates what a link points to, not even when an administrator stops or starts it.
 */
class PlantedStateFilesIT {
  static final String STATUS = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}";
  static final String STOP = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"stop\"}";
  static final String START = "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"start\"}";

  @TempDir
  Path dir;

  static Stream<Arguments> plants() {
    return Stream.of("enabled", "state-version", "host-id", "runs.json", "events.spool", "events.lock")
        .flatMap(f -> Stream.of(Arguments.of(f, "link"), Arguments.of(f, "fifo")));
  }

  @ParameterizedTest(name = "{0} as a {1}")
  @MethodSource("plants")
  void aPlantedStateFileIsRefusedAndWhatItPointsToIsNeverTouched(String name, String kind) throws Exception {
    Path target = dir.resolve("root-only");
    Files.writeString(target, "secret\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    Files.setLastModifiedTime(target, FileTime.fromMillis(1_000_000_000_000L));
    HelperProcess h = new HelperProcess(dir.resolve("h"));
    // An existing state directory, as an earlier run left it, with one file replaced.
    Files.createDirectories(h.stateDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.writeString(h.stateDir.resolve("state-version"), "1\n");
    Files.writeString(h.stateDir.resolve("enabled"), "1\n");
    Path planted = h.stateDir.resolve(name);
    Files.deleteIfExists(planted);
    if ("link".equals(kind)) {
      Files.createSymbolicLink(planted, target);
    } else {
      Process mk = new ProcessBuilder("mkfifo", planted.toString()).start();
      assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is needed to plant a FIFO");
    }
    // host-id is only read for an upstream client; a loopback URL nobody answers on is enough.
    Path config = new HelperConfig().put("ServerURL", "http://127.0.0.1:9/").write(dir.resolve("config.plist"));
    try (h) {
      h.args("--config", config.toString()).start(); // answers: neither a hang on a FIFO nor a crash
      String expected = planted + ("link".equals(kind) ? " is a symbolic link" : " is a named pipe (FIFO)");
      String seen = awaitText(h, expected, Duration.ofSeconds(20));
      assertTrue(seen.contains(expected), "the refusal names the file and says why; saw:\n" + seen);
      // An administrator's stop either works (the file is not needed for it) or is refused as not
      // persisted, and so is start (or it is busy: safe mode); either way the link is not followed.
      int stop = code(RawClient.call(h.socket, STOP));
      if (stop == ErrorCodes.NOT_PERSISTED) {
        int start = code(RawClient.call(h.socket, START));
        assertTrue(start == ErrorCodes.NOT_PERSISTED || start == ErrorCodes.BUSY, "start refused: " + start);
      } else {
        assertEquals(0, stop, "stop worked");
        assertTrue(HelperProcess.awaitExit(h.process().pid(), Duration.ofSeconds(20)), "stopped");
      }
    }
    assertEquals("secret\n", Files.readString(target), "the link's target was not written");
    assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(target).toMillis(), "nor touched");
    assertEquals(1, Files.list(dir).filter(p -> p.getFileName().toString().startsWith("root-only")).count());
  }

  /** Status (reason, problem, upstream error) and log, until they contain {@code text} or time is up. */
  static String awaitText(HelperProcess h, String text, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    String seen = "";
    while (System.nanoTime() - deadline < 0) {
      seen = RawClient.call(h.socket, STATUS) + "\n" + h.log();
      if (seen.contains(text)) {
        return seen;
      }
      HelperProcess.pause(100);
    }
    return seen;
  }

  private static int code(java.util.Map<?, ?> response) {
    return response.get("error") == null ? 0 : RawClient.errorCode(response);
  }
}
