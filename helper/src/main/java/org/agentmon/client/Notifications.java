package org.agentmon.client;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import org.agentmon.protocol.Methods;
import org.agentmon.protocol.Status;

/**
 * The live side of a {@link HelperClient}: who hears {@code status.changed}, new events and the end
 * of the connection. Every handler runs on the connection's reader thread; each is optional.
 */
final class Notifications {
  private volatile Consumer<Status> onStatus;
  private volatile Consumer<Map<?, ?>> onEvent;
  private volatile Consumer<IOException> onLost;

  void onStatus(Consumer<Status> handler) {
    onStatus = handler;
  }

  void onEvent(Consumer<Map<?, ?>> handler) {
    onEvent = handler;
  }

  void onLost(Consumer<IOException> handler) {
    onLost = handler;
  }

  /** Hands one notification from the helper to the handler of its kind. */
  void accept(Map<?, ?> m) {
    if (!(m.get("params") instanceof Map)) {
      return;
    }
    Map<?, ?> params = (Map<?, ?>) m.get("params");
    Consumer<Status> s = onStatus;
    if (s != null && Methods.STATUS_CHANGED.equals(m.get("method"))) {
      s.accept(Status.fromJson(params));
    }
    Consumer<Map<?, ?>> e = onEvent;
    if (e != null && Methods.EVENT.equals(m.get("method"))) {
      e.accept(params);
    }
  }

  /** The connection ended without the client closing it. */
  void lost(IOException why) {
    Consumer<IOException> l = onLost;
    if (l != null) {
      l.accept(why);
    }
  }
}
