package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.agentmon.protocol.Caller;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.Messages;
import org.agentmon.protocol.Methods;
import org.agentmon.protocol.Status;
import org.agentmon.protocol.Upstream;
import org.junit.jupiter.api.Test;

/** The cached status bytes: exactly what encoding the status for each caller gives, encoded once per change. */
class StatusBytesTest {
  private final HelperState state = new HelperState("bound", "none", true);
  private final StatusBytes bytes = new StatusBytes(state);
  private final Connection admin = conn(new Caller(0, 0, 4242, true));
  private final Connection user = conn(new Caller(1000, 1000, 777, false));
  private final Connection otherUser = conn(new Caller(1001, 100, 778, false));

  private static Connection conn(Caller caller) {
    return new Connection(null, caller, new OutputBudget(1 << 20));
  }

  @Test
  void theBytesAreWhatEncodingTheStatusForEachCallerGives() {
    assertExact();
    state.setProblem("the state directory is read-only \"quoted\" \u00e9 \u0001");
    state.setHistory("crashed (exit 1)", 3);
    state.setUpstream(new Upstream(Upstream.CONNECTING, "https://example.test/", null, "HTTP 401", null, 5, 1,
        "2026-12-01T00:00:00Z", List.of("the token is readable by others")));
    assertExact();
    state.setEnabled(false);
    state.setClients(17);
    assertExact();
  }

  @Test
  void aStatusIsEncodedOncePerCallerClassAndReusedUntilItChanges() {
    bytes.answerLine(1, user);
    bytes.answerLine(2, otherUser);
    bytes.changedLine(user);
    assertEquals(1, bytes.encodings(), "every caller who is not an administrator shares one encoding");
    bytes.answerLine(3, admin);
    bytes.changedLine(admin);
    assertEquals(2, bytes.encodings(), "administrators have their own");
    state.setProblem("something");
    bytes.changedLine(user);
    bytes.changedLine(otherUser);
    assertEquals(3, bytes.encodings(), "a change is encoded again, once");
    state.setClients(5);
    bytes.answerLine(4, user);
    assertEquals(4, bytes.encodings(), "the client count is part of the status too");
  }

  @Test
  void eachCallerSeesOnlyItselfAndWhetherItIsAnAdministrator() {
    Map<?, ?> forUser = status(bytes.changedLine(user));
    Map<?, ?> forAdmin = status(bytes.changedLine(admin));
    assertEquals(Map.of("uid", 1000, "gid", 1000, "pid", 777, "admin", false), forUser.get("caller"));
    assertEquals(Map.of("uid", 0, "gid", 0, "pid", 4242, "admin", true), forAdmin.get("caller"));
    assertEquals(forAdmin.keySet(), forUser.keySet(), "no member is for administrators only today");
    assertFalse(new String(bytes.changedLine(user), StandardCharsets.UTF_8).contains("4242"));
  }

  private void assertExact() {
    for (Connection c : List.of(admin, user, otherUser)) {
      Status s = state.snapshot().forCaller(c.caller());
      for (Object id : Arrays.asList(7, 9_000_000_000L, "req-\"1\"", null, 2.5)) {
        assertSameText(Messages.result(id, s.toJson()), bytes.answerLine(id, c));
      }
      assertSameText(Messages.notification(Methods.STATUS_CHANGED, s.toJson()), bytes.changedLine(c));
    }
  }

  private static void assertSameText(byte[] expected, byte[] actual) {
    assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8));
    assertArrayEquals(expected, actual);
  }

  private static Map<?, ?> status(byte[] line) {
    Map<?, ?> m = (Map<?, ?>) Json.parse(Arrays.copyOf(line, line.length - 1));
    assertSame(null, m.get("id"));
    return (Map<?, ?>) m.get("params");
  }
}
