package org.agentmon.upstream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.agentmon.files.StateDir;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.JsonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable event spool, which is also the local audit trail. One append-only file of JSON lines:
 * {@code {"seq":N,"event":{…}}} for an event, {@code {"acked":N,"dropped":D}} when the server accepted
 * everything up to N (or the oldest were dropped because the spool was full). Every line is written
 * and fsynced before {@link #record} returns, so a recorded event survives {@code kill -9}; a torn
 * last line is cut off on load. Delivered events are compacted away, except the last few that the
 * trail shows. Guarded by {@code this}.
 */
public final class EventLog {
  /** The spool's file name in the state directory. */
  public static final String FILE = "events.spool";
  private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
  private static final int TRAIL = 1000;
  /** Room kept for the {@code spool.dropped} event that dropping writes. */
  private static final int DROP_NOTICE_BYTES = 256;
  private static final long COMPACT_SLACK = 1L << 20;
  private static final String LOCK = "events.lock";
  /** How long a new helper waits for the one it replaces to let go of the spool. */
  private static final long LOCK_WAIT_MILLIS = 3_000;
  /** Delivered events kept on disk for the trail, in bytes; well under the slack, so compaction is rare. */
  private static final long TRAIL_KEEP_BYTES = 256L << 10;

  /** Every file is opened through it: no link followed, no untrusted directory. */
  private final StateDir dir;
  private final Path file;
  private final List<Consumer<Map<String, Object>>> listeners = new CopyOnWriteArrayList<>();
  private final ArrayDeque<Entry> pending = new ArrayDeque<>();
  private final ArrayDeque<Map<String, Object>> trail = new ArrayDeque<>();
  private FileChannel out;
  /** Held for the life of the process: one writer per spool (a replaced helper may still be exiting). */
  private FileChannel lockChannel;
  private long maxBytes;
  private long fileBytes;
  private long pendingBytes;
  private long nextSeq = 1;
  private long acked;
  private long dropped;

  private EventLog(StateDir dir, long maxBytes) {
    this.dir = dir;
    this.file = dir.path().resolve(FILE);
    this.maxBytes = maxBytes;
  }

  /**
   * Opens (or creates) the spool in {@code dir}, cutting off a torn last line.
   *
   * @param dir the state directory
   * @param maxBytes the bound of undelivered events, in bytes
   * @return the spool
   * @throws IOException if the file cannot be read or created
   */
  public static EventLog open(Path dir, long maxBytes) throws IOException {
    return open(StateDir.open(dir), maxBytes);
  }

  /**
   * Opens (or creates) the spool in {@code dir}, cutting off a torn last line.
   *
   * @param dir the state directory
   * @param maxBytes the bound of undelivered events, in bytes
   * @return the spool
   * @throws IOException if the file cannot be read or created, or is not a regular file
   */
  public static EventLog open(StateDir dir, long maxBytes) throws IOException {
    EventLog log = new EventLog(dir, maxBytes);
    log.lock(LOCK);
    log.load();
    return log;
  }

  /**
   * Calls {@code listener} after every recorded event, outside the lock.
   *
   * @param listener gets the event as the trail shows it
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
   * Records an event durably: appended and fsynced before this returns. A failure to write is
   * logged; the event is then kept in memory only.
   *
   * @param type the event type, e.g. {@code helper.started}
   * @param fields the event's own fields
   * @return the event as the trail shows it
   */
  public Map<String, Object> record(String type, Map<String, ?> fields) {
    List<Map<String, Object>> added = new ArrayList<>(2);
    synchronized (this) {
      Map<String, Object> ev = newEvent(type, fields);
      int need = Json.write(ev).length + 32 + DROP_NOTICE_BYTES;
      int n = 0;
      while (!pending.isEmpty() && pendingBytes + need > maxBytes) {
        Entry gone = pending.removeFirst();
        pendingBytes -= gone.bytes;
        acked = gone.seq;
        n++;
      }
      if (n > 0) {
        dropped += n;
        writeState();
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("count", n);
        notice.put("droppedTotal", dropped);
        notice.put("throughSeq", acked);
        added.add(append(newEvent("spool.dropped", notice)));
        LOG.warn("spool full ({} bytes): dropped the {} oldest undelivered events", maxBytes, n);
      }
      added.add(append(ev));
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
    List<Map<String, Object>> events = new ArrayList<>();
    long through = acked;
    for (Entry e : pending) {
      if (events.size() == maxEvents) {
        break;
      }
      events.add(e.event);
      through = e.seq;
    }
    return new Batch(events, through);
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
    while (!pending.isEmpty() && pending.peekFirst().seq <= throughSeq) {
      pendingBytes -= pending.removeFirst().bytes;
    }
    acked = throughSeq;
    writeState();
    if (fileBytes - pendingBytes > Math.max(COMPACT_SLACK, maxBytes / 2)) {
      compact();
    }
  }

  /** @return how many events are not yet delivered */
  public synchronized int depth() {
    return pending.size();
  }

  /** @return how many events were dropped because the spool was full */
  public synchronized long dropped() {
    return dropped;
  }

  /**
   * @param n how many
   * @return the last {@code n} events of the trail, oldest first, each with {@code seq} and
   *     {@code delivered}
   */
  public synchronized List<Map<String, Object>> recent(int n) {
    List<Map<String, Object>> all = new ArrayList<>(trail);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> ev : all.subList(Math.max(0, all.size() - n), all.size())) {
      out.add(shown(ev));
    }
    return out;
  }

  private Map<String, Object> shown(Map<String, Object> trailEntry) {
    Map<String, Object> m = new LinkedHashMap<>(trailEntry);
    m.put("delivered", ((Number) m.get("seq")).longValue() <= acked);
    return m;
  }

  private static Map<String, Object> newEvent(String type, Map<String, ?> fields) {
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("id", UUID.randomUUID().toString());
    ev.put("time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    ev.put("type", type);
    ev.putAll(fields);
    return ev;
  }

  /** Appends one event line; returns it as the trail shows it. */
  private Map<String, Object> append(Map<String, Object> ev) {
    long seq = nextSeq++;
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("seq", seq);
    line.put("event", ev);
    byte[] bytes = lineBytes(line);
    write(bytes);
    Entry e = new Entry(seq, ev, bytes.length);
    pending.addLast(e);
    pendingBytes += e.bytes;
    return remember(seq, ev);
  }

  private Map<String, Object> remember(long seq, Map<String, Object> ev) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("seq", seq);
    t.putAll(ev);
    trail.addLast(t);
    while (trail.size() > TRAIL) {
      trail.removeFirst();
    }
    return shown(t);
  }

  private void writeState() {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("acked", acked);
    line.put("dropped", dropped);
    write(lineBytes(line));
  }

  private void write(byte[] bytes) {
    try {
      if (out == null) {
        out = dir.open(FILE, StandardOpenOption.WRITE, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
      }
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        out.write(buf);
      }
      out.force(false);
      fileBytes += bytes.length;
    } catch (IOException e) {
      LOG.error("cannot write the event spool {}: {}", file, e.getMessage());
    }
  }

  private static byte[] lineBytes(Map<String, Object> line) {
    byte[] json = Json.write(line);
    byte[] b = new byte[json.length + 1];
    System.arraycopy(json, 0, b, 0, json.length);
    b[json.length] = '\n';
    return b;
  }

  private void lock(String lockFile) throws IOException {
    lockChannel = dir.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long deadline = System.nanoTime() + LOCK_WAIT_MILLIS * 1_000_000;
    while (true) {
      try {
        if (lockChannel.tryLock() != null) {
          return;
        }
      } catch (java.nio.channels.OverlappingFileLockException e) {
        return; // this process holds it already (a test opening the spool twice)
      }
      if (System.nanoTime() - deadline > 0) {
        LOG.warn("event spool {} is still locked by another process; going on without the lock", file);
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void load() throws IOException {
    if (!dir.exists(FILE)) {
      dir.open(FILE, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
      return;
    }
    byte[] all = dir.read(FILE);
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        loadLine(new String(all, start, i - start, StandardCharsets.UTF_8), i + 1 - start);
        start = i + 1;
      }
    }
    fileBytes = start;
    if (start < all.length) {
      LOG.warn("event spool {}: cutting off a torn last line ({} bytes)", file, all.length - start);
      try (FileChannel ch = dir.open(FILE, StandardOpenOption.WRITE)) {
        ch.truncate(start);
        ch.force(true);
      }
    }
  }

  private void loadLine(String text, int bytes) {
    Object o;
    try {
      o = Json.parse(text);
    } catch (JsonException e) {
      LOG.warn("event spool {}: skipping an unreadable line", file);
      return;
    }
    if (!(o instanceof Map)) {
      return;
    }
    Map<?, ?> m = (Map<?, ?>) o;
    if (m.get("seq") instanceof Number && m.get("event") instanceof Map) {
      long seq = ((Number) m.get("seq")).longValue();
      @SuppressWarnings("unchecked") // written by append(): a JSON object with string keys
      Map<String, Object> ev = (Map<String, Object>) m.get("event");
      nextSeq = Math.max(nextSeq, seq + 1);
      remember(seq, ev);
      if (seq > acked) {
        pending.addLast(new Entry(seq, ev, bytes));
        pendingBytes += bytes;
      }
    } else if (m.get("acked") instanceof Number) {
      acked = Math.max(acked, ((Number) m.get("acked")).longValue());
      dropped = m.get("dropped") instanceof Number ? ((Number) m.get("dropped")).longValue() : dropped;
      while (!pending.isEmpty() && pending.peekFirst().seq <= acked) {
        pendingBytes -= pending.removeFirst().bytes;
      }
    }
  }

  /** Rewrites the file with the trail's delivered tail, the state and the undelivered events. */
  private void compact() {
    try {
      long[] written = {0};
      ArrayDeque<byte[]> kept = new ArrayDeque<>();
      long keptBytes = 0;
      for (java.util.Iterator<Map<String, Object>> it = trail.descendingIterator(); it.hasNext(); ) {
        Map<String, Object> t = it.next();
        long seq = ((Number) t.get("seq")).longValue();
        if (seq <= acked) {
          Map<String, Object> ev = new LinkedHashMap<>(t);
          ev.remove("seq");
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("seq", seq);
          line.put("event", ev);
          byte[] b = lineBytes(line);
          if (keptBytes + b.length > TRAIL_KEEP_BYTES) {
            break;
          }
          kept.addFirst(b);
          keptBytes += b.length;
        }
      }
      dir.replace(FILE, ch -> {
        for (byte[] b : kept) {
          written[0] += writeAll(ch, b);
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("acked", acked);
        state.put("dropped", dropped);
        written[0] += writeAll(ch, lineBytes(state));
        for (Entry e : pending) {
          Map<String, Object> line = new LinkedHashMap<>();
          line.put("seq", e.seq);
          line.put("event", e.event);
          written[0] += writeAll(ch, lineBytes(line));
        }
      });
      if (out != null) {
        out.close();
        out = null;
      }
      fileBytes = written[0];
    } catch (IOException e) {
      LOG.warn("cannot compact the event spool {}: {}", file, e.getMessage());
    }
  }

  private static int writeAll(FileChannel ch, byte[] bytes) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
    return bytes.length;
  }

  /** One undelivered event and the size of its line. */
  private record Entry(long seq, Map<String, Object> event, int bytes) { }
}
