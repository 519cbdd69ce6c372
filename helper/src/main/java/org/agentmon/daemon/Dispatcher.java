package org.agentmon.daemon;

import java.util.Map;
import java.util.TreeMap;
import org.agentmon.protocol.ErrorCodes;
import org.agentmon.protocol.RpcException;

/**
 * The one routing table: method name to handler, sorted, each name registered once. Authorization
 * is checked here, from the connection's caller, before any handler runs.
 */
final class Dispatcher {
  private final Map<String, Route> routes = new TreeMap<>();

  Dispatcher register(String method, boolean adminOnly, Handler handler) {
    if (routes.putIfAbsent(method, new Route(handler, adminOnly)) != null) {
      throw new IllegalStateException("method registered twice: " + method);
    }
    return this;
  }

  Object dispatch(String method, Handler.Call call) throws RpcException {
    Route r = routes.get(method);
    if (r == null) {
      throw new RpcException(ErrorCodes.METHOD_NOT_FOUND, "unknown method \"" + clip(method) + "\"; methods: "
          + String.join(", ", routes.keySet()), call.id());
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
