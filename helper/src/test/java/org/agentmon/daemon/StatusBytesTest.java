package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Map;
import org.agentmon.protocol.RunState;
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
    state.setUpstream(new Upstream(Upstream.State.CONNECTING, "https://example.test/", null, "HTTP 401", null, 5, 1,
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

  /**
   * Every setter of {@link HelperState}, found by reflection so that a new one is covered too, with
   * random values many times over: the cached bytes always equal encoding the current snapshot, so
   * no kind of change can leave a stale status in the cache (the version counter must count it).
   */
  @Test
  void everyKindOfChangeReachesTheCachedBytes() throws ReflectiveOperationException {
    List<Method> setters = new ArrayList<>();
    for (Method m : HelperState.class.getDeclaredMethods()) {
      if (m.getName().startsWith("set") && m.getReturnType() == void.class) {
        m.setAccessible(true);
        setters.add(m);
      }
    }
    setters.sort(Comparator.comparing(Method::getName));
    assertEquals(List.of("setClients", "setEnabled", "setHistory", "setProblem", "setState", "setUpstream"),
        setters.stream().map(Method::getName).toList(), "a new setter: teach this test its values");
    Random r = new Random(15);
    for (int n = 0; n < 600; n++) {
      Method setter = setters.get(n % setters.size());
      Object[] args = new Object[setter.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = randomValue(setter.getParameterTypes()[i], r);
      }
      setter.invoke(state, args);
      for (Connection c : List.of(admin, user)) {
        Status s = state.snapshot().forCaller(c.caller());
        assertSameText(Messages.notification(Methods.STATUS_CHANGED, s.toJson()), bytes.changedLine(c));
      }
    }
  }

  private static Object randomValue(Class<?> type, Random r) {
    if (type == boolean.class) {
      return r.nextBoolean();
    }
    if (type == int.class) {
      return r.nextInt(3);
    }
    if (type == String.class) {
      return r.nextInt(4) == 0 ? null : List.of("running", "stopping", "x", "why \"not\"").get(r.nextInt(4));
    }
    if (type == RunState.class) {
      return RunState.values()[r.nextInt(RunState.values().length)];
    }
    if (type == Upstream.class) {
      return r.nextInt(3) == 0 ? null : new Upstream(Upstream.State.CONNECTING, "https://example.test/", null,
          r.nextBoolean() ? "HTTP 401" : null, null, r.nextInt(3), 0, null);
    }
    throw new AssertionError("no values for " + type);
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
