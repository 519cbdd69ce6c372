package org.agentmon.daemon;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.agentmon.Build;
import org.agentmon.platform.RandomIds;
import org.agentmon.protocol.ProtocolVersion;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.agentmon.protocol.Upstream;

/**
 * What {@code status} reports, in one place. Every change calls the change hook, which the server
 * turns into {@code status.changed} for every subscriber, and counts in {@link #version()}, so a
 * cache of the encoded status ({@link StatusBytes}) sees a change without comparing snapshots.
 * Guarded by {@code this}.
 */
final class HelperState {
  private final long pid = ProcessHandle.current().pid();
  private final String instanceId = RandomIds.uuid().toString();
  private final String startedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  private final String socketSource;
  private final String supervisor;
  private Runnable onChange = () -> { };
  private RunState state;
  private boolean enabled;
  private int clients;
  private String reason;
  private String problem;
  private String lastExit;
  private int startsInLastHour;
  private Upstream upstream;
  /** Counts the changes of any field; every setter that writes one adds one. */
  private long version;

  HelperState(String socketSource, String supervisor, boolean enabled) {
    this.socketSource = socketSource;
    this.supervisor = supervisor;
    this.enabled = enabled;
    this.state = enabled ? RunState.RUNNING : RunState.DISABLED;
    this.reason = enabled ? null : "stopped by an administrator; `agentmon start` enables it";
  }

  synchronized void onChange(Runnable hook) {
    this.onChange = hook;
  }

  String instanceId() {
    return instanceId;
  }

  synchronized RunState state() {
    return state;
  }

  synchronized boolean enabled() {
    return enabled;
  }

  void setEnabled(boolean on) {
    synchronized (this) {
      enabled = on;
      version++;
      if (state != RunState.STOPPING && state != RunState.SAFE_MODE) {
        state = on ? RunState.RUNNING : RunState.DISABLED;
        reason = on ? null : "stopped by an administrator; `agentmon start` enables it";
      }
    }
    changed();
  }

  void setState(RunState newState, String why) {
    synchronized (this) {
      state = newState;
      reason = why;
      version++;
    }
    changed();
  }

  void setClients(int n) {
    synchronized (this) {
      if (clients == n) {
        return;
      }
      clients = n;
      version++;
    }
    // Client counts change in bursts; the server coalesces these notifications.
  }

  void setProblem(String p) {
    synchronized (this) {
      if (java.util.Objects.equals(problem, p)) {
        return;
      }
      problem = p;
      version++;
    }
    changed();
  }

  synchronized void setHistory(String lastExit, int startsInLastHour) {
    this.lastExit = lastExit;
    this.startsInLastHour = startsInLastHour;
    version++;
  }

  /** Shows the upstream state; called from the upstream client's thread. */
  void setUpstream(Upstream u) {
    synchronized (this) {
      if (java.util.Objects.equals(upstream, u)) {
        return;
      }
      upstream = u;
      version++;
    }
    changed();
  }

  /** @return how many changes there were: equal numbers mean an equal {@link #snapshot()} */
  synchronized long version() {
    return version;
  }

  /** @return the status without a caller; the server adds each connection's own */
  synchronized Status snapshot() {
    return new Status(state, enabled, pid, instanceId, Build.version(), Build.buildId(), ProtocolVersion.CURRENT,
        startedAt, socketSource, supervisor, clients, null, lastExit, startsInLastHour, reason, problem,
        upstream);
  }

  private void changed() {
    Runnable hook;
    synchronized (this) {
      hook = onChange;
    }
    hook.run();
  }
}
