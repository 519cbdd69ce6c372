package org.agentmon.daemon;

import java.util.HashMap;
import java.util.Map;
import org.agentmon.protocol.Caller;
import org.agentmon.protocol.Messages;
import org.agentmon.protocol.Methods;
import org.agentmon.protocol.Status;

/**
 * Sends {@code status.changed} to the subscribers, each as its caller sees the status. A change of
 * state goes out on the next round of the server loop; changes of the client count come in bursts and
 * are coalesced for 200 ms. Server thread only, except that a state change from any thread wakes it.
 */
final class StatusFanOut {
  private static final long CLIENTS_COALESCE_NANOS = 200_000_000L;

  private final HelperState state;
  private volatile boolean pending;
  private long clientsDueNanos;

  StatusFanOut(HelperState state, ServerTasks tasks) {
    this.state = state;
    state.onChange(() -> {
      pending = true;
      tasks.wakeup();
    });
  }

  /** The number of connections changed: shown in status now, told to subscribers within 200 ms. */
  void clientsChanged(int count) {
    state.setClients(count);
    if (clientsDueNanos == 0) {
      clientsDueNanos = System.nanoTime() + CLIENTS_COALESCE_NANOS;
    }
  }

  /** @return when a coalesced notification is due, or 0 for none */
  long dueNanos() {
    return clientsDueNanos;
  }

  /** Sends the status to every subscriber if it changed or the coalesced count is due. */
  void sendIfDue(long now, Connections connections) {
    if (!pending && (clientsDueNanos == 0 || now - clientsDueNanos < 0)) {
      return;
    }
    pending = false;
    clientsDueNanos = 0;
    Status base = state.snapshot();
    Map<Caller, byte[]> byCaller = new HashMap<>();
    for (Connection c : connections.subscribed()) {
      byte[] line = byCaller.computeIfAbsent(c.caller(),
          who -> Messages.notification(Methods.STATUS_CHANGED, base.forCaller(who).toJson()));
      connections.send(c, line);
    }
  }
}
