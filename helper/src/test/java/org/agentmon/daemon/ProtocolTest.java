package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.agentmon.it.fixtures.RawClient;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.Methods;
import org.agentmon.protocol.RunState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every method and every error code against the real protocol stack in this process; bad input never hurts it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolTest {
  InProcessHelper helper;

  @BeforeAll
  void startHelper(@TempDir Path dir) throws Exception {
    helper = InProcessHelper.start(dir);
  }

  @AfterAll
  void stopHelper() throws Exception {
    helper.close();
  }

  @Test
  void helloCarriesVersionsPidAndInstance() throws IOException {
    Map<?, ?> r = RawClient.result(RawClient.call(helper.socket,
        "{\"jsonrpc\":\"2.0\",\"id\":\"h\",\"method\":\"hello\",\"params\":{\"protocolVersion\":\"1.3\"}}"));
    assertEquals("1.0", r.get("protocolVersion"));
    assertNotNull(r.get("version"));
    assertNotNull(r.get("buildId"));
    assertEquals(helper.status().pid(), ((Number) r.get("pid")).longValue());
    assertEquals(36, ((String) r.get("instanceId")).length());
  }

  @Test
  void helloWithAnotherMajorVersionIsAClearError() throws IOException {
    Map<?, ?> resp = RawClient.call(helper.socket,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\",\"params\":{\"protocolVersion\":\"2.0\"}}");
    assertEquals(ErrorCodes.INCOMPATIBLE_VERSION, RawClient.errorCode(resp));
    assertTrue(message(resp).contains("incompatible protocol version 2.0"), message(resp));
  }

  @Test
  void statusHasEveryDocumentedField() throws IOException {
    Map<?, ?> r = RawClient.result(RawClient.call(helper.socket, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"status\"}"));
    for (String key : new String[] {"state", "enabled", "pid", "instanceId", "version", "protocolVersion",
        "startedAt", "socketSource", "clients", "caller"}) {
      assertTrue(r.containsKey(key), "status lacks " + key + ": " + r);
    }
    assertEquals("running", r.get("state"));
    assertEquals(true, r.get("enabled"));
    assertEquals("bound", r.get("socketSource"));
    assertTrue(((Number) r.get("clients")).intValue() >= 1);
    Instant.parse((String) r.get("startedAt"));
    assertTrue(((String) r.get("startedAt")).endsWith("Z"));
    Map<?, ?> caller = (Map<?, ?>) r.get("caller");
    assertEquals(ProcessHandle.current().pid(), ((Number) caller.get("pid")).longValue());
    assertEquals(Identity.ownUid(), ((Number) caller.get("uid")).longValue());
    assertEquals(true, caller.get("admin"), "the helper's own uid is an administrator");
  }

  @Test
  void subscribeAcknowledgesWithTheCurrentStatusThenPushesChanges() throws IOException {
    try (RawClient sub = new RawClient(helper.socket)) {
      Map<?, ?> ack = RawClient.result(sub.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\"}\n").readObject());
      assertEquals(true, ack.get("subscribed"));
      assertEquals("running", ((Map<?, ?>) ack.get("status")).get("state"));
      RawClient.result(RawClient.call(helper.socket, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"start\"}"));
      Map<?, ?> note = sub.readObject();
      assertEquals("status.changed", note.get("method"));
      assertNull(note.get("id"));
      assertEquals("running", ((Map<?, ?>) note.get("params")).get("state"));
    }
  }

  @Test
  void unknownMethodIsNamedAndTheKnownOnesListed() throws IOException {
    Map<?, ?> resp = RawClient.call(helper.socket, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"reboot\"}");
    assertEquals(ErrorCodes.METHOD_NOT_FOUND, RawClient.errorCode(resp));
    assertEquals(3, ((Number) resp.get("id")).intValue());
    // the helper serves exactly the protocol's request methods, which the request parser knows too
    assertEquals("unknown method \"reboot\"; methods: " + String.join(", ", new TreeSet<>(Methods.REQUESTS)),
        message(resp));
  }

  @Test
  void aNotificationGetsNoAnswerButTheNextRequestDoes() throws IOException {
    try (RawClient c = new RawClient(helper.socket)) {
      c.send("{\"jsonrpc\":\"2.0\",\"method\":\"status\"}\n{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"status\"}\n");
      assertEquals(9, ((Number) c.readObject().get("id")).intValue());
    }
  }

  static Stream<Arguments> badInputs() {
    byte[] mib = new byte[1 << 20];
    Arrays.fill(mib, (byte) 'a');
    byte[] nested = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\",\"params\":{\"x\":"
        + "[".repeat(5000) + "]".repeat(5000) + "}}").getBytes(StandardCharsets.UTF_8);
    return Stream.of(
        Arguments.of("invalid JSON", bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"), ErrorCodes.PARSE_ERROR, false),
        Arguments.of("not an object", bytes("42"), ErrorCodes.INVALID_REQUEST, false),
        Arguments.of("a string", bytes("\"status\""), ErrorCodes.INVALID_REQUEST, false),
        Arguments.of("a batch", bytes("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}]"),
            ErrorCodes.INVALID_REQUEST, false),
        Arguments.of("missing jsonrpc", bytes("{\"id\":1,\"method\":\"status\"}"), ErrorCodes.INVALID_REQUEST, false),
        Arguments.of("missing method", bytes("{\"jsonrpc\":\"2.0\",\"id\":1}"), ErrorCodes.INVALID_REQUEST, false),
        Arguments.of("method not a string", bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}"),
            ErrorCodes.INVALID_REQUEST, false),
        Arguments.of("id an object", bytes("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"status\"}"),
            ErrorCodes.INVALID_REQUEST, false),
        Arguments.of("params an array", bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\",\"params\":[1]}"),
            ErrorCodes.INVALID_PARAMS, false),
        Arguments.of("params a string", bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\",\"params\":\"x\"}"),
            ErrorCodes.INVALID_PARAMS, false),
        Arguments.of("protocolVersion a number",
            bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"hello\",\"params\":{\"protocolVersion\":1}}"),
            ErrorCodes.INVALID_PARAMS, false),
        Arguments.of("duplicate keys", bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"id\":2,\"method\":\"status\"}"),
            ErrorCodes.PARSE_ERROR, false),
        Arguments.of("invalid UTF-8", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
            ErrorCodes.PARSE_ERROR, false),
        Arguments.of("binary garbage", new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 7, 0x1B}, ErrorCodes.PARSE_ERROR,
            false),
        Arguments.of("empty line", new byte[0], ErrorCodes.PARSE_ERROR, false),
        Arguments.of("blank line", bytes("   \t"), ErrorCodes.PARSE_ERROR, false),
        Arguments.of("deeply nested JSON", nested, ErrorCodes.PARSE_ERROR, false),
        Arguments.of("a 1 MiB line", mib, ErrorCodes.INVALID_REQUEST, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInputGetsItsErrorAndTheHelperServesOn(String what, byte[] line, int code, boolean closes)
      throws IOException {
    try (RawClient c = new RawClient(helper.socket)) {
      if (closes) {
        // The helper stops reading an oversized line and closes, so the write may fail midway:
        // write from another thread and read the answer here.
        Thread writer = new Thread(() -> {
          try {
            c.send(line).send("\n");
          } catch (IOException expected) {
            // the helper closed its end
          }
        });
        writer.start();
      } else {
        c.send(line).send("\n");
      }
      Map<?, ?> resp;
      try {
        resp = c.readObject();
      } catch (java.net.SocketException e) {
        // Our writer hit the helper's closed end first and junixsocket closed this socket, so the
        // answer cannot be read here: the helper closed, and serves on.
        assertTrue(closes, what + ": " + e);
        assertEquals(RunState.RUNNING, helper.status().state());
        return;
      }
      assertEquals(code, RawClient.errorCode(resp), what + " -> " + resp);
      assertEquals("2.0", resp.get("jsonrpc"));
      assertTrue(resp.containsKey("id"), "an error answer carries an id (null when unreadable)");
      assertFalse(message(resp).isBlank());
      if (closes) {
        assertTrue(c.closedByPeer(5000), "an oversized line closes that connection");
      } else {
        // The same connection keeps working.
        Map<?, ?> next = c.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"status\"}\n").readObject();
        assertEquals("running", RawClient.result(next).get("state"));
      }
    }
    // And a fresh connection is served.
    assertEquals(RunState.RUNNING, helper.status().state());
  }

  @Test
  void aLineOverTheLimitWithoutNewlineClosesOnlyThatConnection() throws IOException {
    try (RawClient other = new RawClient(helper.socket); RawClient big = new RawClient(helper.socket)) {
      big.send(new byte[64 * 1024 + 1]); // fits in the socket buffers: no newline, one byte too many
      assertEquals(ErrorCodes.INVALID_REQUEST, RawClient.errorCode(big.readObject()));
      assertTrue(big.closedByPeer(5000));
      Map<?, ?> r = other.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}\n").readObject();
      assertEquals("running", RawClient.result(r).get("state"));
    }
  }

  @Test
  void aLineOfExactly64KiBIsStillRead() throws IOException {
    String pad = " ".repeat(64 * 1024 - 45);
    String line = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}" + pad;
    assertTrue(line.length() <= 64 * 1024);
    Map<?, ?> r = RawClient.call(helper.socket, line);
    assertEquals("running", RawClient.result(r).get("state"));
  }

  @Test
  void eventsRefusesBadLimitsAndFollowFlagsRatherThanWrapThem() throws IOException {
    // 2^64+1 once became 1 through a long cast; each of these must be -32602, not a list.
    for (String params : new String[] {"{\"limit\":\"all\"}", "{\"limit\":18446744073709551617}",
        "{\"limit\":-1}", "{\"limit\":1001}", "{\"limit\":2.5}", "{\"limit\":1e400}", "{\"follow\":\"yes\"}"}) {
      Map<?, ?> r = RawClient.call(helper.socket,
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"events\",\"params\":" + params + "}");
      assertEquals(ErrorCodes.INVALID_PARAMS, RawClient.errorCode(r), params + " -> " + r);
    }
  }

  @Test
  void eventsAnswersAtMostTheLimit() throws IOException {
    List<?> all = events(1000);
    assertTrue(all.stream().anyMatch(e -> "helper.started".equals(((Map<?, ?>) e).get("type"))), all.toString());
    assertEquals(1, events(1).size());
    assertEquals(List.of(), events(0));
  }

  private List<?> events(int limit) throws IOException {
    return (List<?>) RawClient.result(RawClient.call(helper.socket,
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"events\",\"params\":{\"limit\":" + limit + "}}")).get("events");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String message(Map<?, ?> resp) {
    return String.valueOf(((Map<?, ?>) resp.get("error")).get("message"));
  }
}
