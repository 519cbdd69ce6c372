package org.agentmon.upstream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The undelivered events of the event log, oldest first, and how many bytes their lines take on disk
 * (what the event log's bound counts). Guarded by the event log that holds it.
 */
final class Undelivered implements Iterable<Undelivered.Entry> {
  /** One undelivered event and the size of its line. */
  record Entry(long seq, Map<String, Object> event, int bytes) { }

  /** The oldest {@code count} events, through {@code throughSeq}, must go to make room. */
  record Drop(int count, long throughSeq) { }

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long bytes;

  void add(long seq, Map<String, Object> event, int lineBytes) {
    entries.addLast(new Entry(seq, event, lineBytes));
    bytes += lineBytes;
  }

  /** Removes every event up to {@code seq}. */
  void removeThrough(long seq) {
    while (!entries.isEmpty() && entries.peekFirst().seq() <= seq) {
      bytes -= entries.removeFirst().bytes();
    }
  }

  /** @return what must be dropped so that {@code need} more bytes fit in {@code max}; changes nothing */
  Drop toFit(long need, long max, long acked) {
    int n = 0;
    long freed = 0;
    long through = acked;
    for (Entry gone : entries) {
      if (bytes - freed + need <= max) {
        break;
      }
      freed += gone.bytes();
      through = gone.seq();
      n++;
    }
    return new Drop(n, through);
  }

  /** @return the oldest {@code max} events as one batch */
  Batch oldest(int max, long acked) {
    List<Map<String, Object>> events = new ArrayList<>();
    long through = acked;
    for (Entry e : entries) {
      if (events.size() == max) {
        break;
      }
      events.add(e.event());
      through = e.seq();
    }
    return new Batch(events, through);
  }

  int size() {
    return entries.size();
  }

  long bytes() {
    return bytes;
  }

  @Override
  public Iterator<Entry> iterator() {
    return entries.iterator();
  }
}
