package org.agentmon.usrtask.single;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.agentmon.usrtask.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One instance per user, with real Unix sockets. */
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
}
