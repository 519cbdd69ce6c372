package org.agentmon.daemon;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Warnings that a client can cause over and over (a refused connection, a dropped slow reader): the
 * first of a kind is logged in full, the rest are counted and summed up once per interval, e.g.
 * "refused 58,980 more connections from uid 65534 (per-user limit) in the last 10 s". So a flood of
 * bad clients cannot fill the disk through the log. Server thread only.
 */
final class RateLimitedLog {
  /** Kinds tracked at once; past this, new kinds share one entry (a uid cannot multiply them). */
  static final int MAX_KINDS = 256;
  private static final String OTHER = "\u0000other";

  /** A kind seen in the current interval. */
  private static final class Kind {
    final String summary;
    final long since;
    long suppressed;

    Kind(String summary, long since) {
      this.summary = summary;
      this.since = since;
    }
  }

  private final Logger log;
  private final long intervalNanos;
  private final Map<String, Kind> kinds = new LinkedHashMap<>();

  RateLimitedLog(Logger log, long intervalNanos) {
    this.log = log;
    this.intervalNanos = intervalNanos;
  }

  /**
   * Logs a warning unless one of the same kind was logged in this interval; then counts it.
   *
   * @param kind what makes two warnings "the same", e.g. "refused uid 65534 per-user limit"
   * @param summary the summary with {@code {}} for the count, e.g. "refused {} more connections from uid 65534"
   * @param format the slf4j format of the full line
   * @param args its arguments
   */
  void warn(String kind, String summary, String format, Object... args) {
    if (first(kind, summary)) {
      log.warn(format, args);
    }
  }

  /** Like {@link #warn} at error level (a trailing Throwable is logged with its stack trace). */
  void error(String kind, String summary, String format, Object... args) {
    if (first(kind, summary)) {
      log.error(format, args);
    }
  }

  /** @return true if this is the first of its kind in the interval (log it), false if it was counted */
  private boolean first(String kind, String summary) {
    long now = System.nanoTime();
    flush(now);
    String key = kinds.size() >= MAX_KINDS && !kinds.containsKey(kind) ? OTHER : kind;
    Kind k = kinds.get(key);
    if (k != null) {
      k.suppressed++;
      return false;
    }
    kinds.put(key, new Kind(OTHER.equals(key) ? "{} more warnings of other kinds" : summary, now));
    return true;
  }

  /**
   * Logs the summaries of intervals that ended.
   *
   * @return when the next summary is due (a {@link System#nanoTime()} value), or 0 if none is pending
   */
  long flush(long now) {
    long next = 0;
    Map<String, Kind> renewed = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, Kind>> it = kinds.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Kind> e = it.next();
      Kind k = e.getValue();
      long due = k.since + intervalNanos;
      if (now - due < 0) {
        next = earlier(next, due);
        continue;
      }
      it.remove();
      if (k.suppressed > 0) {
        log.warn("{} in the last {} s", k.summary.replace("{}", String.format(Locale.ROOT, "%,d", k.suppressed)),
            Math.round((now - k.since) / 1e9));
        renewed.put(e.getKey(), new Kind(k.summary, now)); // still going on: sum up the next interval too
        next = earlier(next, now + intervalNanos);
      }
    }
    kinds.putAll(renewed);
    return next;
  }

  private static long earlier(long next, long due) {
    return next == 0 || due - next < 0 ? due : next;
  }
}
