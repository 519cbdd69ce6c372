package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.agentmon.it.fixtures.Cli;
import org.agentmon.it.fixtures.HelperConfig;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.TestCa;
import org.agentmon.it.fixtures.Tools;
import org.agentmon.it.fixtures.UpstreamServer;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.agentmon.protocol.Upstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configuration rules: StrictModes, https only (except loopback), a private CA, no server = no network. */
class UpstreamConfigIT {
  @TempDir
  Path tmp;

  @Test
  void httpsWithAPrivateCaFromServerCAFile() throws Exception {
    TestCa ca = TestCa.create(tmp);
    try (UpstreamServer server = UpstreamServer.https(0, ca.serverContext());
        HelperProcess trusting = start(new HelperConfig().put("ServerURL", "https://127.0.0.1:" + server.port())
            .put("ServerCAFile", ca.caPem.toString()).fast(300, 100, 300), "trusting")) {
      UpstreamIT.awaitTrue(() -> server.hits("/v1/heartbeat").size() >= 2, Duration.ofSeconds(15), trusting);
      assertEquals(Upstream.State.CONNECTED, trusting.status().upstream().state());
      // Without the CA the same server is not trusted: the upstream client backs off with a TLS error.
      try (HelperProcess plain = start(new HelperConfig().put("ServerURL", "https://127.0.0.1:" + server.port())
          .fast(300, 100, 300), "plain")) {
        UpstreamIT.awaitTrue(() -> {
          Upstream u = UpstreamIT.statusOf(plain).upstream();
          return u != null && Upstream.State.BACKING_OFF.equals(u.state());
        }, Duration.ofSeconds(15), plain);
        String plainHost = Files.readString(plain.stateDir.resolve("host-id")).trim();
        assertTrue(server.hits().stream().noneMatch(h -> plainHost.equals(h.body().get("hostId"))),
            "no request of the helper without the CA got through");
        assertTrue(plain.status().upstream().lastError() != null);
      }
    }
  }

  @Test
  void plainHttpToANonLoopbackHostIsRefused() throws Exception {
    try (HelperProcess helper = start(new HelperConfig().put("ServerURL", "http://192.0.2.10:8080"), "h")) {
      Status s = awaitUpstream(helper);
      assertEquals(Upstream.State.CONFIG_ERROR, s.upstream().state());
      assertTrue(s.upstream().lastError().contains("https"), s.upstream().lastError());
    }
  }

  @Test
  void aGroupWritableConfigIsRefusedAndTheHelperKeepsServing() throws Exception {
    Path file = new HelperConfig().put("ServerURL", "http://127.0.0.1:9").write(tmp.resolve("agentmon.plist"),
        "rw-rw-r--");
    try (HelperProcess helper = new HelperProcess(tmp.resolve("h")).args("--config", file.toString()).start()) {
      Status s = awaitUpstream(helper);
      assertEquals(Upstream.State.CONFIG_ERROR, s.upstream().state());
      assertTrue(s.upstream().lastError().contains("writable by group or others"), s.upstream().lastError());
      assertEquals(RunState.RUNNING, helper.status().state(), "still serving");
      Cli.Result events = Cli.run("events", "--socket", helper.socket.toString());
      assertEquals(0, events.code(), events.out());
      assertTrue(events.out().contains("config.error"), events.out());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"nested", "fifo", "oversize"})
  void aConfigThatCannotBeReadIsAConfigErrorRecordedAndLogged(String kind) throws Exception {
    Path file = tmp.resolve("agentmon.plist");
    String reason;
    switch (kind) {
      case "nested":
        Files.writeString(file, "(".repeat(100_000)); // the ASCII parser recursed into a StackOverflowError
        reason = file + ": not a valid property list (ASCII format, nested too deeply)";
        break;
      case "fifo":
        org.junit.jupiter.api.Assumptions.assumeTrue(Tools.has("mkfifo"), "mkfifo is not on the PATH");
        assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).inheritIO().start().waitFor());
        // opening it would block the config thread until someone writes
        reason = file + " is not a regular file (a FIFO, socket or device): refusing to read it";
        break;
      default:
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
          raf.setLength(64L << 20);
        }
        reason = file + " is 67108864 bytes; a preferences file is at most 1048576 bytes: refusing to read it";
    }
    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    try (HelperProcess helper = new HelperProcess(tmp.resolve("h")).args("--config", file.toString()).start()) {
      Status s = awaitUpstream(helper);
      assertEquals(Upstream.State.CONFIG_ERROR, s.upstream().state());
      assertEquals(reason, s.upstream().lastError());
      assertEquals(RunState.RUNNING, s.state(), "still serving");
      try (var c = helper.client()) {
        assertTrue(c.events(100, null).stream().anyMatch(e -> "config.error".equals(e.get("type"))
            && reason.equals(e.get("error"))), "recorded as an event");
      }
      assertTrue(helper.log().contains("configuration refused: " + reason), helper.log());
      assertFalse(helper.log().contains("StackOverflowError"), helper.log());
    }
  }

  @Test
  void noServerUrlMeansNotConfigured() throws Exception {
    try (HelperProcess helper = start(new HelperConfig().put("EnrollmentToken", "x"), "h")) {
      Status s = awaitUpstream(helper);
      assertEquals(Upstream.State.NOT_CONFIGURED, s.upstream().state());
      assertNull(s.upstream().serverURL());
      assertEquals(1, s.upstream().spoolDepth(), "helper.started waits in the event log, never sent");
      assertEquals(java.util.List.of(), s.upstream().warnings(), "a 0600 file with a token: nothing to warn about");
    }
  }

  @Test
  void safeModeRunsNoLink() throws Exception {
    try (UpstreamServer server = UpstreamServer.http(0)) {
      Path file = new HelperConfig().put("ServerURL", server.url()).fast(200, 100, 200)
          .write(tmp.resolve("agentmon.plist"));
      HelperProcess unstarted = new HelperProcess(tmp.resolve("h")).args("--config", file.toString());
      Path unsafe = Files.createDirectories(unstarted.stateDir); // others may write it: unusable, safe mode
      Files.setPosixFilePermissions(unsafe, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
      try (HelperProcess helper = unstarted.start()) {
        HelperProcess.pause(1500);
        Status s = helper.status();
        assertEquals(RunState.SAFE_MODE, s.state());
        assertNull(s.upstream(), "no upstream client in safe mode");
        assertEquals(0, server.hits().size(), "nothing sent in safe mode");
      }
    }
  }

  @Test
  void aStoppedHelperSendsNothingUntilStarted() throws Exception {
    try (UpstreamServer server = UpstreamServer.http(0)) {
      Path file = new HelperConfig().put("ServerURL", server.url()).fast(200, 100, 200)
          .write(tmp.resolve("agentmon.plist"));
      HelperProcess first = new HelperProcess(tmp.resolve("h")).args("--config", file.toString()).start();
      UpstreamIT.awaitTrue(() -> server.hits().size() >= 1, Duration.ofSeconds(10), first);
      assertEquals(0, Cli.run("stop", "--socket", first.socket.toString()).code());
      assertTrue(first.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
      first.close();
      try (HelperProcess again = new HelperProcess(tmp.resolve("h")).args("--config", file.toString()).start()) {
        assertEquals(RunState.DISABLED, again.status().state());
        int before = server.hits().size();
        HelperProcess.pause(1000);
        assertEquals(before, server.hits().size(), "a stopped helper makes no network activity");
        assertEquals(0, Cli.run("start", "--socket", again.socket.toString()).code());
        UpstreamIT.awaitTrue(() -> server.acceptedEvents().stream().anyMatch(e -> "helper.enabled".equals(e.get("type"))),
            Duration.ofSeconds(10), again);
        assertTrue(server.acceptedEvents().stream().anyMatch(e -> "helper.stopped".equals(e.get("type"))),
            "the stop was recorded and sent after the start");
      }
    }
  }

  private HelperProcess start(HelperConfig config, String name) throws Exception {
    Path file = config.write(tmp.resolve(name + ".plist"));
    return new HelperProcess(tmp.resolve(name)).args("--config", file.toString()).start();
  }

  private static Status awaitUpstream(HelperProcess helper) {
    UpstreamIT.awaitTrue(() -> UpstreamIT.statusOf(helper).upstream() != null, Duration.ofSeconds(10), helper);
    return UpstreamIT.statusOf(helper);
  }
}
