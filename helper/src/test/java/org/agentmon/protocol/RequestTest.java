package org.agentmon.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTest {
  @Test
  void readsIdMethodAndParams() throws RpcException {
    Request r = parse("{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"hello\",\"params\":{\"protocolVersion\":\"1.0\"}}");
    assertEquals("a", r.id());
    assertTrue(r.hasId());
    assertEquals("hello", r.method());
    assertEquals("1.0", r.params().get("protocolVersion"));
  }

  @Test
  void aRequestWithoutIdIsANotification() throws RpcException {
    Request r = parse("{\"jsonrpc\":\"2.0\",\"method\":\"status\"}");
    assertFalse(r.hasId());
    assertNull(r.id());
    assertEquals(Map.of(), r.params());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{|-32700", "[]|-32600", "null|-32600", "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"status\"}|-32600",
      "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"status\"}|-32600",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}|-32600",
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\",\"params\":7}|-32602"})
  void refusesWithTheRightCode(String line, int code) {
    RpcException e = assertThrows(RpcException.class, () -> parse(line));
    assertEquals(code, e.code());
    assertFalse(e.getMessage().isBlank());
  }

  @Test
  void anErrorForAReadableRequestKeepsItsId() {
    RpcException e = assertThrows(RpcException.class,
        () -> parse("{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"status\",\"params\":[]}"));
    assertEquals(12, ((Number) e.id()).intValue());
    Map<?, ?> line = (Map<?, ?>) Json.parse(new String(e.toLine(), StandardCharsets.UTF_8).trim());
    assertEquals(12, ((Number) line.get("id")).intValue());
  }

  @Test
  void errorsForUnreadableRequestsCarryANullId() {
    String line = new String(Messages.error(null, ErrorCodes.PARSE_ERROR, "x"), StandardCharsets.UTF_8);
    assertTrue(line.contains("\"id\":null"), line);
    assertTrue(line.endsWith("\n"));
  }

  @ParameterizedTest
  @CsvSource({"1.0,true", "1.7,true", "2.0,false", "0.9,false", "x,false", "'',false"})
  void compatibilityIsByMajorVersion(String peer, boolean ok) {
    assertEquals(ok, ProtocolVersion.compatible(peer));
  }

  @Test
  void statusRoundTripsThroughJson() {
    Status s = new Status(RunState.RUNNING, true, 42, "id", "1", "b", "1.0", "2026-01-01T00:00:00Z", "bound", "none", 3,
        new Caller(501, 20, 99, false), "exit 0", 2, null, null,
        new Upstream(Upstream.State.BACKING_OFF, "https://x.example", null, "HTTP 503", "2026-01-01T00:00:05Z", 7, 1, null));
    Status back = Status.fromJson((Map<?, ?>) Json.parse(Json.toText(s.toJson())));
    assertEquals(s, back);
    assertFalse(s.toJson().containsKey("reason"), "null fields are left out");
  }

  @Test
  void statusWithoutUpstreamStillReads() {
    Status s = Status.fromJson((Map<?, ?>) Json.parse("{\"state\":\"running\",\"upstream\":\"junk\"}"));
    assertNull(s.upstream());
  }

  private static Request parse(String s) throws RpcException {
    return Request.parse(s.getBytes(StandardCharsets.UTF_8));
  }
}
