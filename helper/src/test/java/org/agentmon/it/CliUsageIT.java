package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.agentmon.it.fixtures.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small things people type: help, a socket path too long for a Unix socket, numbers out of range. */
class CliUsageIT {
  private static final String LIMITS = "Unix sockets allow at most 107 on Linux / 103 on macOS";

  @TempDir Path tmp;

  @Test
  void daemonHelpListsTheOptions() throws Exception {
    Cli.Result r = Cli.run("daemon", "--help");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("--max-connections") && r.out().contains("--state-dir"), r.out());
  }

  @Test
  void everyClientVerbHasHelpWithTheSharedOptions() throws Exception {
    for (String verb : new String[] {"status", "restart", "stop", "start", "events"}) {
      Cli.Result r = Cli.run(verb, "--help");
      assertEquals(0, r.code(), verb + ": " + r.out());
      assertTrue(r.out().contains("--timeout=SECONDS") && r.out().contains("--socket=PATH"), verb + ": " + r.out());
    }
  }

  @Test
  void aSocketPathTooLongForUnixSocketsIsSaidSoByClientsAndTheDaemon() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("d".repeat(200 - tmp.toString().length() - 8)));
    Path sock = dir.resolve("a.sock");
    assertEquals(200, sock.toString().length());
    for (String verb : new String[] {"status", "events"}) {
      Cli.Result r = Cli.run(verb, "--socket", sock.toString());
      assertEquals(2, r.code(), r.out());
      assertTrue(r.out().contains("socket path is 200 bytes; " + LIMITS), r.out());
      assertFalse(r.out().contains("Byte array"), r.out());
    }
    Cli.Result d = Cli.run("daemon", "--socket", sock.toString(), "--state-dir", tmp.resolve("state").toString(),
        "--log-file", tmp.resolve("helper.log").toString());
    assertEquals(1, d.code(), d.out());
    assertTrue(d.out().contains("cannot bind " + sock + ": socket path is 200 bytes; " + LIMITS), d.out());
    assertFalse(Files.exists(sock));
  }

  @Test
  void eventsRefusesACountOutOfRange() throws Exception {
    for (String n : new String[] {"18446744073709551617", "1001", "-1"}) {
      Cli.Result r = Cli.run("events", "-n", n, "--socket", tmp.resolve("none.sock").toString());
      assertEquals(2, r.code(), n + ": " + r.out());
    }
  }
}
