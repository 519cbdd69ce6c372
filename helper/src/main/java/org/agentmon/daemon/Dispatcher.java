package org.agentmon.daemon;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.RpcException;

/**
 * The one routing table: method name to handler, each name registered once (hashed: it is looked up
 * for every request; the list of methods in an error is sorted). Authorization
 * is checked here, from the connection's caller, before any handler runs; so is which methods
 * still answer while the helper shuts down.
 */
final class Dispatcher {
  private final Map<String, Route> routes = new HashMap<>();
  private final Set<String> whileExiting = new HashSet<>();

  Dispatcher register(String method, boolean adminOnly, Handler handler) {
    if (routes.putIfAbsent(method, new Route(handler, adminOnly)) != null) {
      throw new IllegalStateException("method registered twice: " + method);
    }
    return this;
  }

  /** Declares registered methods that still answer while the helper shuts down; the rest are told to retry. */
  Dispatcher answerWhileExiting(String... methods) {
    for (String m : methods) {
      if (!routes.containsKey(m)) {
        throw new IllegalStateException("not registered: " + m);
      }
      whileExiting.add(m);
    }
    return this;
  }

  /**
   * Runs the method's handler for this call.
   *
   * @param exiting whether the helper is shutting down
   * @return the handler's result
   * @throws RpcException the handler's error, or why the call is refused
   */
  Object dispatch(String method, Handler.Call call, boolean exiting) throws RpcException {
    if (exiting && !whileExiting.contains(method)) {
      throw new RpcException(ErrorCodes.BUSY, "the helper is shutting down: try again in a moment", call.id());
    }
    Route r = routes.get(method);
    if (r == null) {
      throw new RpcException(ErrorCodes.METHOD_NOT_FOUND, "unknown method \"" + clip(method) + "\"; methods: "
          + String.join(", ", new TreeSet<>(routes.keySet())), call.id());
    }
    if (r.adminOnly && !call.conn().caller().admin()) {
      throw new RpcException(ErrorCodes.PERMISSION_DENIED, "permission denied: \"" + method
          + "\" needs an administrator (root or a member of the admin group); you are uid "
          + call.conn().caller().uid(), call.id());
    }
    return r.handler.handle(call);
  }

  private static String clip(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }
}
