package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.agentmon.protocol.Caller;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.RpcException;
import org.junit.jupiter.api.Test;

class DispatcherTest {
  @Test
  void registeringANameTwiceFails() {
    Dispatcher d = new Dispatcher().register("status", false, c -> "x");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> d.register("status", true, c -> "y"));
    assertTrue(e.getMessage().contains("status"));
  }

  @Test
  void adminMethodsAreRefusedToReadOnlyCallersBeforeTheHandlerRuns() {
    boolean[] ran = {false};
    Dispatcher d = new Dispatcher().register("stop", true, c -> {
      ran[0] = true;
      return "stopped";
    });
    Connection reader = new Connection(null, new Caller(1000, 1000, 5, false), new OutputBudget(0));
    RpcException e = assertThrows(RpcException.class, () -> d.dispatch("stop", new Handler.Call(reader, 1, Map.of()), false));
    assertEquals(ErrorCodes.PERMISSION_DENIED, e.code());
    assertTrue(e.getMessage().contains("uid 1000"));
    assertEquals(false, ran[0]);
  }

  @Test
  void unknownMethodsListTheKnownOnesSorted() {
    Dispatcher d = new Dispatcher().register("status", false, c -> "s").register("hello", false, c -> "h");
    Connection any = new Connection(null, new Caller(0, 0, 1, true), new OutputBudget(0));
    RpcException e = assertThrows(RpcException.class, () -> d.dispatch("nope", new Handler.Call(any, 1, Map.of()), false));
    assertEquals(ErrorCodes.METHOD_NOT_FOUND, e.code());
    assertTrue(e.getMessage().endsWith("methods: hello, status"), e.getMessage());
  }

  @Test
  void whileExitingOnlyTheDeclaredMethodsAnswerAndTheRestAreToldToRetry() throws RpcException {
    Dispatcher d = new Dispatcher().register("status", false, c -> "s").register("stop", true, c -> "x")
        .answerWhileExiting("status");
    Handler.Call call = new Handler.Call(new Connection(null, new Caller(0, 0, 1, true), new OutputBudget(0)), 7,
        Map.of());
    assertEquals("s", d.dispatch("status", call, true));
    assertEquals("x", d.dispatch("stop", call, false));
    for (String method : List.of("stop", "nope")) {
      RpcException e = assertThrows(RpcException.class, () -> d.dispatch(method, call, true));
      assertEquals(ErrorCodes.BUSY, e.code(), method);
      assertEquals("the helper is shutting down: try again in a moment", e.getMessage());
    }
    assertThrows(IllegalStateException.class, () -> d.answerWhileExiting("nope"));
  }
}
