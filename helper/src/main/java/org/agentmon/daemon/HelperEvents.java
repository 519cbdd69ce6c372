package org.agentmon.daemon;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agentmon.protocol.Caller;
import org.agentmon.upstream.EventLog;

/**
 * What the helper records about its own life in the event log: every admin action with who did it, recorded durably in
 * the event log before the action is made, so an action whose event cannot be written is not
 * made. The helper's own notes (started, signalled…) are recorded if they can be. Without a usable
 * state directory there is no event log and nothing is recorded (status already says why).
 */
final class HelperEvents {
  private final EventLog log;

  /** @param log the event log, or null when the state directory is unusable */
  HelperEvents(EventLog log) {
    this.log = log;
  }

  EventLog log() {
    return log;
  }

  void started(String previousRun, String instanceId, String socketSource, String supervisor) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("instanceId", instanceId);
    f.put("pid", ProcessHandle.current().pid());
    f.put("socketSource", socketSource);
    f.put("supervisor", supervisor);
    f.put("previousRun", previousRun);
    record("helper.started", f);
  }

  void stopped(Caller who) throws IOException {
    action("helper.stopped", by(who));
  }

  void terminated(String why) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("reason", why);
    record("helper.stopped", f);
  }

  void enabled(Caller who) throws IOException {
    action("helper.enabled", by(who));
  }

  void restartRequested(Caller who) throws IOException {
    action("helper.restart-requested", by(who));
  }

  /** An action already in the event log that could not be made after all. */
  void notMade(String action, Caller who, String why) {
    Map<String, Object> f = by(who);
    f.put("action", action);
    f.put("error", why);
    record("helper.change-failed", f);
  }

  void safeMode(String why) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("reason", why);
    record("helper.safe-mode", f);
  }

  void configError(String why) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("error", why);
    record("config.error", f);
  }

  /** Records an admin action; throws if it is not on disk, so the caller must not make it. */
  private void action(String type, Map<String, Object> fields) throws IOException {
    if (log != null) {
      log.recordDurably(type, fields);
    }
  }

  private void record(String type, Map<String, Object> fields) {
    if (log != null) {
      log.record(type, fields);
    }
  }

  private static Map<String, Object> by(Caller who) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("uid", who.uid());
    f.put("pid", who.pid());
    return f;
  }
}
