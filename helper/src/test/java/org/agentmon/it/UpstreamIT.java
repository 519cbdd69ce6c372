package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.agentmon.it.fixtures.HelperConfig;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.RawClient;
import org.agentmon.it.fixtures.UpstreamServer;
import org.agentmon.protocol.Status;
import org.agentmon.protocol.Upstream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upstream client against a loopback server: heartbeats, backoff, unauthorized, delivery in order. */
class UpstreamIT {
  private static final String TOKEN = "test-token-123";

  @TempDir
  Path tmp;

  @Test
  void heartbeatsArriveWithEveryFieldAndTheTokenAtTheInterval() throws Exception {
    try (UpstreamServer server = UpstreamServer.http(0);
        HelperProcess helper = helper(new HelperConfig().put("ServerURL", server.url())
            .put("EnrollmentToken", TOKEN).fast(400, 100, 400))) {
      awaitTrue(() -> server.hits("/v1/heartbeat").size() >= 5, Duration.ofSeconds(15), helper);
      List<UpstreamServer.Hit> beats = server.hits("/v1/heartbeat");
      for (UpstreamServer.Hit h : beats) {
        assertEquals("Bearer " + TOKEN, h.authorization());
      }
      Map<?, ?> body = beats.get(beats.size() - 1).body();
      assertNotNull(body.get("hostId"));
      assertNotNull(body.get("sentAt"));
      Map<?, ?> helperFacts = (Map<?, ?>) body.get("helper");
      for (String k : List.of("version", "instanceId", "state")) {
        assertNotNull(helperFacts.get(k), "helper." + k);
      }
      Map<?, ?> host = (Map<?, ?>) body.get("host");
      for (String k : List.of("hostname", "os", "osVersion", "arch", "uptimeSeconds", "loadAverage", "diskFreeBytes")) {
        assertNotNull(host.get(k), "host." + k + " in " + host);
      }
      assertTrue(host.containsKey("consoleUser"), "host.consoleUser is sent, null when nobody is at the console");
      assertTrue(body.get("sessions") instanceof List, "sessions");
      assertEquals(1, beats.stream().map(h -> h.body().get("hostId")).distinct().count(), "one stable hostId");
      // The interval: later beats (the first may wait for the HTTP client to load) are 400 ms apart.
      List<Long> gaps = gaps(beats.subList(1, beats.size()));
      for (long g : gaps) {
        assertTrue(g >= 300 && g <= 1500, "heartbeat gaps near 400 ms: " + gaps);
      }
      Status s = helper.status();
      assertEquals(Upstream.State.CONNECTED, s.upstream().state());
      assertNotNull(s.upstream().lastSuccess());
      assertEquals(server.url(), s.upstream().serverURL());
      assertTrue(server.acceptedEvents().stream().anyMatch(e -> "helper.started".equals(e.get("type"))));
    }
  }

  @Test
  void failuresBackOffWithinTheBoundsThenEverythingSpooledArrivesInOrder() throws Exception {
    try (UpstreamServer server = UpstreamServer.http(0).answer(0);
        HelperProcess helper = helper(new HelperConfig().put("ServerURL", server.url())
            .put("EnrollmentToken", TOKEN).fast(60_000, 200, 800))) {
      try (RawClient c = new RawClient(helper.socket)) {
        for (int i = 1; i <= 10; i++) {
          c.send("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"start\"}\n");
          assertEquals(Boolean.TRUE, RawClient.result(c.readObject()).get("enabled"));
        }
      }
      HelperProcess.pause(3000); // connections dropped
      server.answer(500);
      HelperProcess.pause(3000); // 500s
      List<UpstreamServer.Hit> failing = server.hits();
      Status during = helper.status();
      assertEquals(Upstream.State.BACKING_OFF, during.upstream().state());
      assertNotNull(during.upstream().nextAttempt());
      assertNotNull(during.upstream().downSince());
      assertEquals(11, during.upstream().spoolDepth(), "helper.started and ten helper.enabled wait");
      server.answer(200);
      awaitTrue(() -> server.acceptedEvents().size() >= 11, Duration.ofSeconds(10), helper);

      // Full jitter between 200 ms and a cap that doubles to 800 ms: never faster, never slower.
      List<Long> gaps = gaps(failing);
      assertTrue(gaps.size() >= 6, "attempts in 6 s: " + gaps);
      for (long g : gaps) {
        assertTrue(g >= 150 && g <= 800 + 500, "gap within [200, 800] ms (+ slack): " + gaps);
      }
      assertTrue(gaps.stream().mapToLong(Long::longValue).max().orElse(0) > 400, "the cap grows past the minimum: "
          + gaps);

      List<String> sent = new ArrayList<>();
      for (Map<?, ?> e : server.acceptedEvents()) {
        if (!sent.contains((String) e.get("id"))) {
          sent.add((String) e.get("id"));
        }
      }
      List<String> local = new ArrayList<>();
      try (var c = helper.client()) {
        for (Map<?, ?> e : c.events(100, null)) {
          local.add((String) e.get("id"));
        }
      }
      assertEquals(local.subList(0, 11), sent.subList(0, 11), "delivered in the order recorded");
      awaitTrue(() -> statusOf(helper).upstream().spoolDepth() == 0
          && Upstream.State.CONNECTED.equals(statusOf(helper).upstream().state()), Duration.ofSeconds(5), helper);
    }
  }

  @Test
  void unauthorizedSlowsDownAndSaysSo() throws Exception {
    try (UpstreamServer server = UpstreamServer.http(0).answer(401);
        HelperProcess helper = helper(new HelperConfig().put("ServerURL", server.url())
            .put("EnrollmentToken", "wrong").fast(200, 50, 100).put("TestingUnauthorizedRetryMillis", 1500))) {
      awaitTrue(() -> server.hits().size() >= 1, Duration.ofSeconds(10), helper);
      HelperProcess.pause(4000);
      List<UpstreamServer.Hit> hits = server.hits();
      List<Long> gaps = gaps(hits);
      // Backing off would retry every 50-100 ms; unauthorized waits 1.5 s between attempts.
      assertTrue(hits.size() >= 2 && hits.size() <= 5, "attempts in ~4 s: " + hits.size());
      for (long g : gaps) {
        assertTrue(g >= 1300, "unauthorized retries slowly: " + gaps);
      }
      Status s = helper.status();
      assertEquals(Upstream.State.UNAUTHORIZED, s.upstream().state());
      assertTrue(s.upstream().lastError().contains("401"), s.upstream().lastError());
      try (var c = helper.client()) {
        assertEquals(1, c.events(100, null).stream().filter(e -> "upstream.unauthorized".equals(e.get("type")))
            .count(), "recorded once, not on every attempt");
      }
    }
  }

  @Test
  void killNineLosesNoAcknowledgedEvent() throws Exception {
    int port = UpstreamServer.freePort(); // nothing listens: refused
    Path config = new HelperConfig().put("ServerURL", "http://127.0.0.1:" + port).put("EnrollmentToken", TOKEN)
        .fast(60_000, 100, 300).write(tmp.resolve("agentmon.plist"));
    List<String> acked = new ArrayList<>();
    try (HelperProcess first = new HelperProcess(tmp.resolve("h")).args("--config", config.toString()).start();
        RawClient c = new RawClient(first.socket)) {
      for (int i = 1; i <= 100; i++) {
        c.send("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"start\"}\n");
      }
      for (int i = 1; i <= 100; i++) {
        assertEquals(Boolean.TRUE, RawClient.result(c.readObject()).get("enabled"));
      }
      Map<?, ?> recent = RawClient.result(RawClient.call(first.socket,
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"events\",\"params\":{\"limit\":1000}}"));
      for (Object o : (List<?>) recent.get("events")) {
        Map<?, ?> e = (Map<?, ?>) o;
        if ("helper.enabled".equals(e.get("type"))) {
          acked.add((String) e.get("id"));
        }
      }
      assertEquals(100, acked.size());
      first.process().destroyForcibly(); // SIGKILL
      assertTrue(first.process().waitFor(5, java.util.concurrent.TimeUnit.SECONDS));
    }
    try (UpstreamServer server = UpstreamServer.http(port);
        HelperProcess second = new HelperProcess(tmp.resolve("h")).args("--config", config.toString()).start()) {
      awaitTrue(() -> server.acceptedEvents().stream().filter(e -> "helper.enabled".equals(e.get("type")))
          .map(e -> e.get("id")).distinct().count() >= 100, Duration.ofSeconds(15), second);
      List<String> got = new ArrayList<>();
      for (Map<?, ?> e : server.acceptedEvents()) {
        if ("helper.enabled".equals(e.get("type")) && !got.contains((String) e.get("id"))) {
          got.add((String) e.get("id"));
        }
      }
      assertEquals(acked, got, "all 100, distinct, in order");
    }
  }

  @Test
  void aFullEventLogDropsTheOldestAndSaysSo() throws Exception {
    int port = UpstreamServer.freePort();
    Path config = new HelperConfig().put("ServerURL", "http://127.0.0.1:" + port).put("SpoolMaxBytes", 4096)
        .fast(60_000, 100, 300).write(tmp.resolve("agentmon.plist"));
    try (HelperProcess helper = new HelperProcess(tmp.resolve("h")).args("--config", config.toString()).start()) {
      awaitTrue(() -> statusOf(helper).upstream() != null
          && Upstream.State.BACKING_OFF.equals(statusOf(helper).upstream().state()), Duration.ofSeconds(10), helper);
      try (RawClient c = new RawClient(helper.socket)) {
        for (int i = 1; i <= 60; i++) {
          c.send("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"start\"}\n");
          c.readObject();
        }
      }
      Upstream u = statusOf(helper).upstream();
      assertTrue(u.droppedEvents() > 0, "dropped: " + u);
      assertTrue(u.spoolDepth() < 40, "bounded: " + u);
      try (UpstreamServer server = UpstreamServer.http(port)) {
        awaitTrue(() -> statusOf(helper).upstream().spoolDepth() == 0, Duration.ofSeconds(10), helper);
        List<Map<?, ?>> got = server.acceptedEvents();
        assertTrue(got.stream().anyMatch(e -> "spool.dropped".equals(e.get("type"))), "spool.dropped delivered");
        long enabled = got.stream().filter(e -> "helper.enabled".equals(e.get("type"))).count();
        assertTrue(enabled < 60, "the oldest were dropped: " + enabled);
        long delivered = got.stream().map(e -> e.get("id")).distinct().count();
        int recorded;
        try (var c = helper.client()) {
          recorded = c.events(1000, null).size();
        }
        assertEquals(recorded, delivered + statusOf(helper).upstream().droppedEvents(),
            "every recorded event was either delivered or counted as dropped");
      }
    }
  }

  @Test
  void anAnswerThatNeverEndsTimesOutBacksOffAndTheLinkRecovers() throws Exception {
    try (UpstreamServer server = UpstreamServer.http(0).body(UpstreamServer.Body.TRICKLE);
        HelperProcess helper = helper(new HelperConfig().put("ServerURL", server.url()).fast(60_000, 300, 600)
            .put("TestingRequestTimeoutMillis", 1500))) {
      awaitFailure(helper, "no complete answer (headers and body) within 1500 ms");
      awaitTrue(() -> server.hits().size() >= 2, Duration.ofSeconds(20), helper); // it tried again
      awaitTrue(() -> server.abandoned() >= 1, Duration.ofSeconds(20), helper); // and closed the connection
      server.body(UpstreamServer.Body.EMPTY);
      awaitTrue(() -> Upstream.State.CONNECTED.equals(statusOf(helper).upstream().state()), Duration.ofSeconds(20), helper);
    }
  }

  @Test
  void anEndlessAnswerIsCutAtOneMebibyteAndBacksOff() throws Exception {
    try (UpstreamServer server = UpstreamServer.http(0).body(UpstreamServer.Body.ENDLESS);
        HelperProcess helper = helper(new HelperConfig().put("ServerURL", server.url()).fast(60_000, 300, 600))) {
      awaitFailure(helper, "the server's answer is larger than 1024 KiB");
      awaitTrue(() -> server.hits().size() >= 2, Duration.ofSeconds(20), helper);
      awaitTrue(() -> server.abandoned() >= 1, Duration.ofSeconds(20), helper);
    }
  }

  /** Waits until the upstream client backs off with {@code error} as its last error. */
  private static void awaitFailure(HelperProcess helper, String error) {
    awaitTrue(() -> {
      Upstream u = statusOf(helper).upstream();
      return u != null && Upstream.State.BACKING_OFF.equals(u.state()) && u.lastError() != null
          && u.lastError().contains(error)
          && u.nextAttempt() != null;
    }, Duration.ofSeconds(30), helper);
  }

  @Test
  void onlySubscribersAreSessionsNotEventFollowers() throws Exception {
    // Regression: `events --follow` was counted upstream as an app's session.
    try (UpstreamServer server = UpstreamServer.http(0);
        HelperProcess helper = helper(new HelperConfig().put("ServerURL", server.url())
            .put("EnrollmentToken", TOKEN).fast(200, 100, 400));
        RawClient follower = new RawClient(helper.socket)) {
      follower.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"events\",\"params\":{\"follow\":true}}\n");
      RawClient.result(follower.readObject());
      try (RawClient subscriber = new RawClient(helper.socket)) {
        subscriber.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\"}\n");
        RawClient.result(subscriber.readObject());
        assertEquals(1, sessionsOfABeatFromNow(server, helper).size(), "the subscriber, not the follower");
      }
      assertEquals(List.of(), sessionsOfABeatFromNow(server, helper), "the follower alone is no session");
    }
  }

  /** The sessions of a heartbeat put together after this call (the one in flight may be older). */
  private static List<?> sessionsOfABeatFromNow(UpstreamServer server, HelperProcess helper) {
    int seen = server.hits("/v1/heartbeat").size();
    awaitTrue(() -> server.hits("/v1/heartbeat").size() >= seen + 2, Duration.ofSeconds(15), helper);
    List<UpstreamServer.Hit> beats = server.hits("/v1/heartbeat");
    return (List<?>) beats.get(beats.size() - 1).body().get("sessions");
  }

  private HelperProcess helper(HelperConfig config) throws IOException {
    Path file = config.write(tmp.resolve("agentmon.plist"));
    return new HelperProcess(tmp.resolve("h")).args("--config", file.toString()).start();
  }

  static Status statusOf(HelperProcess h) {
    try {
      return h.status();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static List<Long> gaps(List<UpstreamServer.Hit> hits) {
    List<Long> out = new ArrayList<>();
    for (int i = 1; i < hits.size(); i++) {
      out.add((hits.get(i).nanos() - hits.get(i - 1).nanos()) / 1_000_000);
    }
    return out;
  }

  static void awaitTrue(BooleanSupplier cond, Duration within, HelperProcess helper) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!cond.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + within + "; helper log:\n" + helper.log());
      }
      HelperProcess.pause(50);
    }
  }
}
