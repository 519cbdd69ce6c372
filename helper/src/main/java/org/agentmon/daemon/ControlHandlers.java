package org.agentmon.daemon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agentmon.Build;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.Hello;
import org.agentmon.protocol.Methods;
import org.agentmon.protocol.Params;
import org.agentmon.protocol.ProtocolVersion;
import org.agentmon.protocol.RpcException;
import org.agentmon.protocol.Status;
import org.agentmon.upstream.EventLog;

/**
 * The control methods. Each state-changing handler answers first and leaves the exit to {@link
 * Lifecycle}, which runs after the answer is queued.
 */
final class ControlHandlers {
  private ControlHandlers() {}

  static Dispatcher table(HelperState state, StatusBytes statusBytes, Lifecycle lifecycle, EventLog events) {
    return new Dispatcher()
        // Anyone may read the event log, like status: it holds uids and pids, which ps shows anyway.
        .register(Methods.EVENTS, false, call -> events(call, events))
        .register(Methods.HELLO, false, call -> hello(call, state))
        .register(Methods.RESTART, true, call -> {
          lifecycle.restart(call.conn().caller(), call.id());
          return ack("restarting", true);
        })
        .register(Methods.START, true, call -> {
          lifecycle.start(call.conn().caller(), call.id());
          return ack("enabled", true);
        })
        .register(Methods.STATUS, false, call -> (EncodedResult) id -> statusBytes.answerLine(id, call.conn()))
        .register(Methods.STOP, true, call -> {
          lifecycle.stop(call.conn().caller(), call.id());
          return ack("stopping", true);
        })
        .register(Methods.SUBSCRIBE, false, call -> {
          call.conn().subscribe();
          Map<String, Object> r = ack("subscribed", true);
          r.put("status", statusFor(call, state).toJson());
          return r;
        })
        // While the helper shuts down it still says who it is and how it is; the rest are told to retry.
        .answerWhileExiting(Methods.HELLO, Methods.STATUS);
  }

  /** The status as this connection's caller sees it. */
  private static Status statusFor(Handler.Call call, HelperState state) {
    return state.snapshot().forCaller(call.conn().caller());
  }

  private static Object hello(Handler.Call call, HelperState state) throws RpcException {
    Object peer = call.params().get("protocolVersion");
    if (peer != null && !(peer instanceof String)) {
      throw new RpcException(ErrorCodes.INVALID_PARAMS, "\"protocolVersion\" must be a string like \"1.0\"",
          call.id());
    }
    if (peer != null && !ProtocolVersion.compatible((String) peer)) {
      throw new RpcException(ErrorCodes.INCOMPATIBLE_VERSION, "incompatible protocol version " + peer
          + ": this helper speaks " + ProtocolVersion.CURRENT + " (same major version required)", call.id());
    }
    return new Hello(Build.version(), Build.buildId(), ProtocolVersion.CURRENT, ProcessHandle.current().pid(),
        state.instanceId()).toJson();
  }

  private static Object events(Handler.Call call, EventLog events) throws RpcException {
    int n = Params.integer(call.params(), "limit", 20, 0, Methods.MAX_EVENTS, call.id());
    Object follow = call.params().get("follow");
    if (follow != null && !(follow instanceof Boolean)) {
      throw new RpcException(ErrorCodes.INVALID_PARAMS, "\"follow\" must be a boolean", call.id());
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("events", events == null ? List.of() : events.recent(n));
    r.put("spoolDepth", events == null ? 0 : events.depth());
    r.put("droppedEvents", events == null ? 0 : events.dropped());
    r.put("skippedLines", events == null ? 0 : events.skippedLines());
    if (Boolean.TRUE.equals(follow)) {
      call.conn().followEvents();
      r.put("following", true);
    }
    return r;
  }

  private static Map<String, Object> ack(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }
}
