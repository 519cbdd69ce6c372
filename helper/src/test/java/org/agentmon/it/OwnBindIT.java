package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.Tools;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** One helper per socket; stale sockets are replaced; unsafe directories are refused. */
class OwnBindIT {
  @TempDir
  Path dir;

  @Test
  void aSecondHelperOnTheSameSocketRefusesAndLeavesTheFirstAlone() throws Exception {
    try (HelperProcess first = new HelperProcess(dir.resolve("a")).start()) {
      Status before = first.status();
      HelperProcess second = new HelperProcess(dir.resolve("a"));
      Files.createDirectories(dir.resolve("b"));
      Process p = new ProcessBuilder(second.command()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("b/out").toFile()).start();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the second helper exits");
      assertNotEquals(0, p.exitValue());
      String log = Files.readString(first.logFile);
      assertTrue(log.contains("a helper already answers on " + first.socket), log);
      Status after = first.status();
      assertEquals(before.pid(), after.pid());
      assertEquals(before.instanceId(), after.instanceId());
    }
  }

  @Test
  void aStaleSocketFileIsReplaced() throws IOException {
    HelperProcess h = new HelperProcess(dir);
    Files.createDirectories(dir);
    // A socket file nobody listens on any more, as a killed helper leaves it.
    AFUNIXServerSocket stale = AFUNIXServerSocket.newInstance();
    stale.bind(AFUNIXSocketAddress.of(h.socket));
    stale.setDeleteOnClose(false);
    stale.close();
    assertTrue(Files.exists(h.socket), "the stale file is there");
    try (h) {
      h.start();
      assertEquals(RunState.RUNNING, h.status().state());
    }
  }

  @Test
  void aFileThatIsNotASocketIsNeverReplaced() throws Exception {
    HelperProcess h = new HelperProcess(dir);
    Files.writeString(h.socket, "precious");
    Process p = h.launch();
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    assertNotEquals(0, p.exitValue());
    assertEquals("precious", Files.readString(h.socket));
    assertTrue(h.log().contains("exists and is not a socket"), h.log());
  }

  @Test
  void aGroupWritableSocketDirectoryIsRefused() throws Exception {
    Path unsafe = dir.resolve("shared");
    Files.createDirectories(unsafe);
    Files.setPosixFilePermissions(unsafe, PosixFilePermissions.fromString("rwxrwxr-x"));
    HelperProcess h = refusesToBind(unsafe.resolve("s.sock"));
    assertTrue(h.log().contains("is writable by group or others"), h.log());
    assertTrue(Files.notExists(unsafe.resolve("s.sock")));
  }

  @Test
  void aSocketDirectoryOwnedByAnotherUserIsRefused() throws Exception {
    assumeTrue(Tools.isRoot(), "needs root to give a directory to another user");
    Path theirs = dir.resolve("theirs");
    Files.createDirectories(theirs);
    Files.setAttribute(theirs, "unix:uid", 65534);
    HelperProcess h = refusesToBind(theirs.resolve("s.sock"));
    assertTrue(h.log().contains("is owned by uid 65534, another user"), h.log());
  }

  /** Starts a helper told to bind {@code socket}: it must refuse and exit non-zero. */
  private HelperProcess refusesToBind(Path socket) throws Exception {
    HelperProcess h = new HelperProcess(dir);
    Process p = new ProcessBuilder(h.command().stream().map(a -> a.equals(h.socket.toString()) ? socket.toString() : a)
        .toList()).redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile()).start();
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the helper refuses and exits");
    assertNotEquals(0, p.exitValue());
    return h;
  }
}
