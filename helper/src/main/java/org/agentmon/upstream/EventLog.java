package org.agentmon.upstream;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.agentmon.files.LineFile;
import org.agentmon.files.StateDir;
import org.agentmon.platform.RandomIds;
import org.agentmon.protocol.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log: durable, the queue for the upstream server and what {@code events} shows. One
 * append-only file ({@link #FILE}, a name kept for installed machines) of JSON lines:
 * {@code {"seq":N,"event":{…}}} for an event, {@code {"acked":N,"dropped":D}} when the server accepted
 * everything up to N (or the oldest were dropped because the event log was full). Every line is written
 * and fsynced before {@link #record} returns, so a recorded event survives {@code kill -9}; the file
 * itself ({@link LineFile}) keeps only whole lines. This class keeps the events in memory (the
 * {@link Undelivered} events, the {@link RecentEvents} that {@code events} shows) and tells listeners.
 * At start {@link EventLogReader} reads the file back, skipping and counting lines that do not fit
 * the format ({@link EventLogLine}). Delivered events are compacted away, except the last few that
 * {@code events} shows. Guarded by {@code this}.
 */
public final class EventLog {
  /** The event log's file name in the state directory. */
  public static final String FILE = "events.spool";
  private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
  /** Room kept for the {@code spool.dropped} event that dropping writes. */
  private static final int DROP_NOTICE_BYTES = 256;
  private static final long COMPACT_SLACK = 1L << 20;
  private static final String LOCK = "events.lock";
  /** How long a new helper waits for the one it replaces to let go of the event log. */
  private static final long LOCK_WAIT_MILLIS = 3_000;
  /** Delivered events kept on disk for {@code events} to show, in bytes; well under the slack, so compaction is rare. */
  private static final long RECENT_KEEP_BYTES = 256L << 10;

  /** Opened through the state directory: no link followed, no untrusted directory. */
  private final LineFile file;
  private final List<Consumer<Map<String, Object>>> listeners = new CopyOnWriteArrayList<>();
  private final Undelivered pending = new Undelivered();
  private final RecentEvents recent = new RecentEvents();
  private long maxBytes;
  private long skippedLines;
  private long nextSeq = 1;
  private long acked;
  private long dropped;

  private EventLog(LineFile file, long maxBytes) {
    this.file = file;
    this.maxBytes = maxBytes;
  }

  /**
   * Opens (or creates) the event log in {@code dir}, cutting off a torn last line.
   *
   * @param dir the state directory
   * @param maxBytes the bound of undelivered events, in bytes
   * @return the event log
   * @throws IOException if the file cannot be read or created
   */
  public static EventLog open(Path dir, long maxBytes) throws IOException {
    return open(StateDir.open(dir), maxBytes);
  }

  /**
   * Opens (or creates) the event log in {@code dir}, cutting off a torn last line.
   *
   * @param dir the state directory
   * @param maxBytes the bound of undelivered events, in bytes
   * @return the event log
   * @throws IOException if the file cannot be read or created, or is not a regular file
   */
  public static EventLog open(StateDir dir, long maxBytes) throws IOException {
    EventLog log = new EventLog(LineFile.lock(dir, FILE, LOCK, LOCK_WAIT_MILLIS), maxBytes);
    log.load();
    return log;
  }

  /**
   * Calls {@code listener} after every recorded event, outside the lock.
   *
   * @param listener gets the event as {@code events} shows it
   */
  public void listen(Consumer<Map<String, Object>> listener) {
    listeners.add(listener);
  }

  /**
   * Changes the bound; takes effect with the next event.
   *
   * @param bytes the bound of undelivered events, in bytes
   */
  public synchronized void maxBytes(long bytes) {
    this.maxBytes = bytes;
  }

  /**
   * Records an event durably where losing it is not worse than not doing what it reports: a failure
   * to write is logged and the event is not recorded.
   *
   * @param type the event type, e.g. {@code helper.started}
   * @param fields the event's own fields
   * @return the event as {@code events} shows it, or null if it could not be written
   */
  public Map<String, Object> record(String type, Map<String, ?> fields) {
    try {
      return recordDurably(type, fields);
    } catch (IOException e) {
      LOG.error("cannot write the event log {}: {}; the {} event is not recorded", file.path(), e.getMessage(), type);
      return null;
    }
  }

  /**
   * Records an event durably: appended and fsynced before this returns, or not at all.
   *
   * @param type the event type, e.g. {@code helper.started}
   * @param fields the event's own fields; none named {@code seq} or {@code delivered}
   * @return the event as {@code events} shows it
   * @throws IOException if it could not be written; the event log is then as it was
   */
  public Map<String, Object> recordDurably(String type, Map<String, ?> fields) throws IOException {
    List<Map<String, Object>> added = new ArrayList<>(2);
    synchronized (this) {
      Map<String, Object> ev = newEvent(type, fields);
      int need = Json.write(ev).length + 32 + DROP_NOTICE_BYTES;
      Undelivered.Drop drop = pending.toFit(need, maxBytes, acked);
      int n = drop.count();
      long through = drop.throughSeq();
      List<byte[]> lines = new ArrayList<>(3);
      Map<String, Object> notice = null;
      if (n > 0) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("count", n);
        f.put("droppedTotal", dropped + n);
        f.put("throughSeq", through);
        notice = newEvent("spool.dropped", f);
        lines.add(EventLogLine.state(through, dropped + n));
        lines.add(EventLogLine.event(nextSeq, notice));
      }
      lines.add(EventLogLine.event(nextSeq + (n > 0 ? 1 : 0), ev));
      file.append(lines); // nothing below runs, and nothing changes, unless every line is on disk
      if (n > 0) {
        pending.removeThrough(through);
        acked = through;
        dropped += n;
        added.add(keep(notice, lines.get(1).length));
        LOG.warn("event log full ({} bytes): dropped the {} oldest undelivered events", maxBytes, n);
      }
      added.add(keep(ev, lines.get(lines.size() - 1).length));
    }
    for (Map<String, Object> ev : added) {
      for (Consumer<Map<String, Object>> l : listeners) {
        l.accept(ev);
      }
    }
    return added.get(added.size() - 1);
  }

  /**
   * @param maxEvents at most this many
   * @return the oldest undelivered events, in order
   */
  synchronized Batch oldest(int maxEvents) {
    return pending.oldest(maxEvents, acked);
  }

  /**
   * Marks every event up to {@code throughSeq} delivered, durably.
   *
   * @param throughSeq the sequence number of the last event the server accepted
   */
  synchronized void acknowledge(long throughSeq) {
    if (throughSeq <= acked) {
      return; // already acknowledged, or dropped meanwhile
    }
    pending.removeThrough(throughSeq);
    acked = throughSeq;
    try {
      file.append(List.of(EventLogLine.state(acked, dropped)));
    } catch (IOException e) {
      // The server has them; after a restart they are sent again, which servers de-duplicate.
      LOG.warn("cannot record the delivery through {} in {}: {}", throughSeq, file.path(), e.getMessage());
    }
    if (file.length() - pending.bytes() > Math.max(COMPACT_SLACK, maxBytes / 2)) {
      compact();
    }
  }

  /** @return how many events are not yet delivered */
  public synchronized int depth() {
    return pending.size();
  }

  /** @return how many events were dropped because the event log was full */
  public synchronized long dropped() {
    return dropped;
  }

  /** @return how many lines were skipped at load because they were torn or did not fit the format */
  public synchronized long skippedLines() {
    return skippedLines;
  }

  /**
   * @param n how many
   * @return the last {@code n} events of the event log, oldest first, each with {@code seq} and
   *     {@code delivered}
   */
  public synchronized List<Map<String, Object>> recent(int n) {
    return recent.recent(n, acked);
  }

  private static Map<String, Object> newEvent(String type, Map<String, ?> fields) {
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("id", RandomIds.uuid().toString());
    ev.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    ev.put("type", type);
    ev.putAll(fields);
    String bad = EventLogLine.eventProblem(ev);
    if (bad != null) {
      throw new IllegalArgumentException(type + ": " + bad);
    }
    return ev;
  }

  /** Takes a just-written event line into memory; returns the event as {@code events} shows it. */
  private Map<String, Object> keep(Map<String, Object> ev, int bytes) {
    long seq = nextSeq++;
    pending.add(seq, ev, bytes);
    return recent.add(seq, ev, acked);
  }

  private void load() throws IOException {
    EventLogReader r = new EventLogReader(file.path(), pending, recent);
    r.read(file.load(), file.cutOff());
    nextSeq = r.nextSeq();
    acked = r.acked();
    dropped = r.dropped();
    skippedLines = r.skipped();
  }

  /** Rewrites the file with the event log's delivered tail, the state and the undelivered events. */
  private void compact() {
    byte[] state = EventLogLine.state(acked, dropped);
    Iterable<byte[]> lines = () -> Stream.concat(
        Stream.concat(recent.deliveredLines(acked, RECENT_KEEP_BYTES).stream(), Stream.of(state)),
        StreamSupport.stream(pending.spliterator(), false).map(e -> EventLogLine.event(e.seq(), e.event())))
        .iterator();
    try {
      file.replace(lines);
    } catch (IOException e) {
      LOG.warn("cannot compact the event log {}: {}", file.path(), e.getMessage());
    }
  }
}
