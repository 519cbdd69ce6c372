package org.agentmon.upstream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last events recorded, delivered or not, as {@code events} shows them: each with its {@code
 * seq} and whether it was {@code delivered}. Guarded by the event log that holds it.
 */
final class RecentEvents {
  private static final int MAX = 1000;

  private final ArrayDeque<Item> items = new ArrayDeque<>();

  /** @return the event as {@code events} shows it */
  Map<String, Object> add(long seq, Map<String, Object> event, long acked) {
    Item i = new Item(seq, event);
    items.addLast(i);
    while (items.size() > MAX) {
      items.removeFirst();
    }
    return i.shown(acked);
  }

  /** @return the last {@code n}, oldest first */
  List<Map<String, Object>> recent(int n, long acked) {
    List<Map<String, Object>> out = new ArrayList<>();
    int skip = Math.max(0, items.size() - n);
    for (Item i : items) {
      if (skip-- <= 0) {
        out.add(i.shown(acked));
      }
    }
    return out;
  }

  /** @return the event log lines of the newest delivered events, oldest first, at most {@code maxBytes} in all */
  ArrayDeque<byte[]> deliveredLines(long acked, long maxBytes) {
    ArrayDeque<byte[]> kept = new ArrayDeque<>();
    long bytes = 0;
    for (Iterator<Item> it = items.descendingIterator(); it.hasNext(); ) {
      Item i = it.next();
      if (i.seq <= acked) {
        byte[] b = EventLogLine.event(i.seq, i.event);
        if (bytes + b.length > maxBytes) {
          break;
        }
        kept.addFirst(b);
        bytes += b.length;
      }
    }
    return kept;
  }

  /** One event and its sequence number. */
  private record Item(long seq, Map<String, Object> event) {
    Map<String, Object> shown(long acked) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", seq);
      m.putAll(event);
      m.put("delivered", seq <= acked);
      return m;
    }
  }
}
