package org.agentmon.daemon;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agentmon.files.StateDir;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.JsonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every start of the helper and how it ended, newest last, bounded, in {@code runs.json} in the
 * state directory, always replaced atomically. A run with no end was killed or crashed. A file
 * that cannot be read is moved aside, and an entry that lacks a field or has one of the wrong type
 * is dropped, both with a warning: never fatal, at start or later at the exit.
 */
final class RunHistory {
  static final String FILE = "runs.json";
  static final int MAX_RUNS = 64;
  private static final Logger LOG = LoggerFactory.getLogger(RunHistory.class);

  /** One run. {@code endedAt} is 0 while running or when the end is unknown. */
  static final class Run {
    final long pid;
    final String instanceId;
    final long startedAt;
    long endedAt;
    int exit;
    String how;

    Run(long pid, String instanceId, long startedAt) {
      this.pid = pid;
      this.instanceId = instanceId;
      this.startedAt = startedAt;
    }

    boolean ended() {
      return endedAt > 0;
    }

    /** A run that did not end by a stop, a restart or a signal: killed, crashed or failed. */
    boolean crashed() {
      return !ended() || "error".equals(how);
    }
  }

  private final StateDir dir;
  private final List<Run> runs;

  private RunHistory(StateDir dir, List<Run> runs) {
    this.dir = dir;
    this.runs = runs;
  }

  static RunHistory load(StateDir stateDir) {
    try {
      return new RunHistory(stateDir, parse(stateDir.read(FILE), stateDir.path().resolve(FILE)));
    } catch (NoSuchFileException e) {
      return new RunHistory(stateDir, new ArrayList<>());
    } catch (IOException | RuntimeException e) {
      String aside = FILE + ".corrupt-" + System.currentTimeMillis();
      try {
        stateDir.moveAside(FILE, aside);
        LOG.warn("run history {} was unreadable ({}); moved it to {} and started a new one",
            stateDir.path().resolve(FILE), e.getMessage(), aside);
      } catch (IOException moveFailed) {
        LOG.warn("run history {} is unreadable ({}) and cannot be moved aside: {}", stateDir.path().resolve(FILE),
            e.getMessage(), moveFailed.getMessage());
      }
      return new RunHistory(stateDir, new ArrayList<>());
    }
  }

  private static List<Run> parse(byte[] bytes, Path f) {
    Object doc;
    try {
      doc = Json.parse(bytes);
    } catch (JsonException e) {
      throw new IllegalStateException("not JSON: " + e.getMessage(), e);
    }
    if (!(doc instanceof Map) || !(((Map<?, ?>) doc).get("runs") instanceof List)) {
      throw new IllegalStateException("no \"runs\" list");
    }
    List<Run> out = new ArrayList<>();
    int unusable = 0;
    for (Object o : (List<?>) ((Map<?, ?>) doc).get("runs")) {
      Run r = o instanceof Map<?, ?> m ? run(m) : null;
      if (r == null) {
        unusable++;
      } else {
        out.add(r);
      }
    }
    if (unusable > 0) {
      LOG.warn("run history {}: entries dropped because a field is missing or of the wrong type: {}", f, unusable);
    }
    return out;
  }

  /** One entry as {@link #save} writes it, or null when it does not fit. */
  private static Run run(Map<?, ?> m) {
    if (!whole(m.get("pid")) || !(m.get("instanceId") instanceof String id) || !whole(m.get("startedAt"))) {
      return null;
    }
    Run r = new Run(((Number) m.get("pid")).longValue(), id, ((Number) m.get("startedAt")).longValue());
    if (m.get("endedAt") != null) {
      if (!whole(m.get("endedAt")) || !(m.get("exit") instanceof Integer exit) || !(m.get("how") instanceof String how)) {
        return null;
      }
      r.endedAt = ((Number) m.get("endedAt")).longValue();
      r.exit = exit;
      r.how = how;
    }
    return r;
  }

  private static boolean whole(Object v) {
    return v instanceof Integer || v instanceof Long;
  }

  /** @return the run before this one, or null on a first start */
  Run previous() {
    return runs.size() < 2 ? null : runs.get(runs.size() - 2);
  }

  void started(long pid, String instanceId, long now) {
    runs.add(new Run(pid, instanceId, now));
    while (runs.size() > MAX_RUNS) {
      runs.remove(0);
    }
  }

  void ended(String instanceId, int exit, String how, long now) {
    for (Run r : runs) {
      if (r.instanceId.equals(instanceId)) {
        r.endedAt = now;
        r.exit = exit;
        r.how = how;
      }
    }
  }

  void clear() {
    Run current = runs.isEmpty() ? null : runs.get(runs.size() - 1);
    runs.clear();
    if (current != null) {
      runs.add(current);
    }
  }

  int startsSince(long since) {
    int n = 0;
    for (Run r : runs) {
      if (r.startedAt >= since) {
        n++;
      }
    }
    return n;
  }

  /**
   * Counts runs before the current one that started in the window and crashed before staying up
   * {@code minUptimeMillis}.
   */
  int quickCrashesSince(long since, long minUptimeMillis) {
    int n = 0;
    for (int i = 0; i < runs.size() - 1; i++) {
      Run r = runs.get(i);
      long end = r.ended() ? r.endedAt : runs.get(i + 1).startedAt;
      if (r.startedAt >= since && r.crashed() && end - r.startedAt < minUptimeMillis) {
        n++;
      }
    }
    return n;
  }

  static String describe(Run r) {
    if (r == null) {
      return null;
    }
    String when = Instant.ofEpochMilli(r.startedAt).toString();
    if (!r.ended()) {
      return "unknown: pid " + r.pid + " (started " + when + ") was killed or crashed";
    }
    switch (r.how == null ? "" : r.how) {
      case "stop":
        return "stopped (exit " + r.exit + ")";
      case "restart":
        return "restarted (exit " + r.exit + ")";
      case "signal":
        return "terminated by a signal (exit " + r.exit + ")";
      case "idle":
        return "idle exit while disabled (exit " + r.exit + ")";
      default:
        return "exit code " + r.exit;
    }
  }

  void save() throws IOException {
    List<Object> list = new ArrayList<>();
    for (Run r : runs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("pid", r.pid);
      m.put("instanceId", r.instanceId);
      m.put("startedAt", r.startedAt);
      if (r.ended()) {
        m.put("endedAt", r.endedAt);
        m.put("exit", r.exit);
        m.put("how", r.how);
      }
      list.add(m);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("runs", list);
    dir.write(FILE, Json.write(doc));
  }
}
