package org.agentmon.usrtask.single;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agentmon.usrtask.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One instance per user, with real Unix sockets, in a directory no other user can own. */
class InstanceLockTest {
  @TempDir Path dir;

  @Test
  void aSecondLaunchHandsItsMessageToTheFirst() throws Exception {
    Path sock = dir.resolve("usrtask.sock");
    List<String> got = new CopyOnWriteArrayList<>();
    try (InstanceLock first = InstanceLock.acquireOrSend(sock, InstanceLock.SHOW).orElseThrow()) {
      first.onMessage(got::add);
      assertEquals(Optional.empty(), InstanceLock.acquireOrSend(sock, InstanceLock.SHOW));
      Eventually.await(Duration.ofSeconds(5), "the first got 'show'", () -> got.equals(List.of("show")), got::toString);
    }
    assertFalse(Files.exists(sock), "closing removes the socket");
  }

  @Test
  void aSocketLeftByACrashedInstanceIsReplaced() throws Exception {
    Path sock = dir.resolve("usrtask.sock");
    ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    dead.bind(UnixDomainSocketAddress.of(sock));
    dead.close(); // the file stays, nobody answers: like a killed instance
    assertTrue(Files.exists(sock));
    try (InstanceLock lock = InstanceLock.acquireOrSend(sock, InstanceLock.SHOW).orElseThrow()) {
      assertTrue(InstanceLock.send(sock, "ping"));
    }
  }

  @Test
  void replaceAsksTheRunningInstanceToQuitAndTakesOver() throws Exception {
    Path sock = dir.resolve("usrtask.sock");
    InstanceLock old = InstanceLock.acquireOrSend(sock, InstanceLock.SHOW).orElseThrow();
    old.onMessage(m -> {
      if (m.equals(InstanceLock.QUIT)) {
        old.close(); // what UsrTask's quit does
      }
    });
    try (InstanceLock fresh = InstanceLock.replace(sock, Duration.ofSeconds(10))) {
      List<String> got = new CopyOnWriteArrayList<>();
      fresh.onMessage(got::add);
      assertTrue(InstanceLock.send(sock, InstanceLock.SHOW));
      Eventually.await(Duration.ofSeconds(5), "the new owner answers", () -> got.contains("show"), got::toString);
    }
  }

  @Test
  void withoutXdgRuntimeDirTheLockIsUnderTheHome() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path lockDir = UserDirs.runtimeDir("agentmon-usrtask", null, home, false);
    assertEquals(home.resolve(".cache/agentmon/agentmon-usrtask"), lockDir);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lockDir)));
    assertEquals(home.resolve("Library/Caches/org.agentmon.usrtask/agentmon-usrtask"),
        UserDirs.runtimeDir("agentmon-usrtask", null, home, true), "macOS");
  }

  @Test
  void anXdgRuntimeDirOthersCanWriteIsNotUsed() throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path xdg = Files.createDirectories(dir.resolve("xdg"));
    Files.setPosixFilePermissions(xdg, PosixFilePermissions.fromString("rwx------"));
    assertEquals(xdg.resolve("agentmon-usrtask"), UserDirs.runtimeDir("agentmon-usrtask", xdg.toString(), home, false));
    Files.setPosixFilePermissions(xdg, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertEquals(home.resolve(".cache/agentmon/agentmon-usrtask"),
        UserDirs.runtimeDir("agentmon-usrtask", xdg.toString(), home, false));
  }

  @Test
  void aForeignDirectoryInTmpDoesNotStopIt() throws Exception {
    assumeTrue(System.getenv("XDG_RUNTIME_DIR") == null, "XDG_RUNTIME_DIR is set: the fallback is not used");
    assumeTrue(UserDirs.ownUid() == 0, "only root can give a directory to another user");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path planted = Files.createDirectories(tmp.resolve("agentmon-usrtask-" + System.getProperty("user.name")));
    Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setOwner(planted, nobody(planted));
    String oldTmp = System.getProperty("java.io.tmpdir");
    String oldHome = System.getProperty("user.home");
    System.setProperty("java.io.tmpdir", tmp.toString());
    System.setProperty("user.home", Files.createDirectories(dir.resolve("home")).toString());
    try (InstanceLock lock = InstanceLock.acquireOrSend(UserDirs.instanceSocket(), InstanceLock.SHOW).orElseThrow()) {
      assertTrue(lock.socket().startsWith(dir.resolve("home")), lock.socket().toString());
    } finally {
      System.setProperty("java.io.tmpdir", oldTmp);
      System.setProperty("user.home", oldHome);
    }
  }

  @Test
  void aLockDirectoryOfAnotherUserIsRefusedClearly() throws Exception {
    assumeTrue(UserDirs.ownUid() == 0, "only root can give a directory to another user");
    Path home = Files.createDirectories(dir.resolve("home"));
    Path foreign = Files.createDirectories(home.resolve(".cache/agentmon/agentmon-usrtask"));
    Files.setOwner(foreign, nobody(foreign));
    IOException e = assertThrows(IOException.class, () -> UserDirs.runtimeDir("agentmon-usrtask", null, home, false));
    assertTrue(e.getMessage().contains(foreign + " belongs to uid 65534"), e.getMessage());
    Files.delete(foreign);
    Files.createSymbolicLink(foreign, dir);
    e = assertThrows(IOException.class, () -> UserDirs.runtimeDir("agentmon-usrtask", null, home, false));
    assertTrue(e.getMessage().contains("is a link or a file"), e.getMessage());
  }

  private static UserPrincipal nobody(Path p) throws IOException {
    return p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("65534");
  }
}
