package org.agentmon.daemon;

/**
 * Sends {@code status.changed} to the subscribers, each as its caller sees the status (encoded once
 * per change, {@link StatusBytes}). A change of state goes out on the next round of the server loop;
 * changes of the client count come in bursts and are coalesced for 200 ms. Server thread only, except
 * that a state change from any thread wakes it.
 */
final class StatusFanOut {
  private static final long CLIENTS_COALESCE_NANOS = 200_000_000L;

  private final HelperState state;
  private final StatusBytes bytes;
  private volatile boolean pending;
  private long clientsDueNanos;

  StatusFanOut(HelperState state, StatusBytes bytes, ServerTasks tasks) {
    this.state = state;
    this.bytes = bytes;
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
    for (Connection c : connections.subscribed()) {
      connections.send(c, bytes.changedLine(c));
    }
  }
}
