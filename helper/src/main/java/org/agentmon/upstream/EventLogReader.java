package org.agentmon.upstream;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the event log's lines at start into the {@link Undelivered} events and the {@link RecentEvents}.
 * The last state line says what was delivered; a line that does not fit the format, or an event out of
 * order, is skipped and counted, and the first few are named in the log (never what they hold).
 */
final class EventLogReader {
  private static final Logger LOG = LoggerFactory.getLogger(EventLogReader.class);
  /** Skipped lines named one by one in the log at load; the rest only in the count. */
  private static final int SKIPS_LOGGED = 10;

  private final Path file;
  private final Undelivered pending;
  private final RecentEvents recent;
  private long nextSeq = 1;
  private long acked;
  private long dropped;
  private long skipped;

  /**
   * @param file the event log's path, for messages
   * @param pending gets the undelivered events
   * @param recent gets every event read
   */
  EventLogReader(Path file, Undelivered pending, RecentEvents recent) {
    this.file = file;
    this.pending = pending;
    this.recent = recent;
  }

  /**
   * Reads the whole lines of the event log.
   *
   * @param all the bytes of whole lines, each with its terminator
   * @param cutOff how many bytes of a torn last line were cut off before, 0 if none
   */
  void read(byte[] all, int cutOff) {
    int start = 0;
    for (int i = 0; i < all.length; i++) {
      if (all[i] == '\n') {
        readLine(all, start, i - start);
        start = i + 1;
      }
    }
    if (cutOff > 0) {
      skip("a torn last line (" + cutOff + " bytes) was cut off");
    }
    if (skipped > 0) {
      LOG.warn("event log {}: skipped {} lines in all that were torn or did not fit the event log's format",
          file, skipped);
    }
  }

  /** @return the sequence number the next event gets */
  long nextSeq() {
    return nextSeq;
  }

  /** @return the last event delivered (or dropped) */
  long acked() {
    return acked;
  }

  /** @return how many events were dropped because the event log was full */
  long dropped() {
    return dropped;
  }

  /** @return how many lines were skipped */
  long skipped() {
    return skipped;
  }

  private void readLine(byte[] all, int off, int len) {
    EventLogLine.Decoded line;
    try {
      line = EventLogLine.decode(all, off, len);
    } catch (EventLogLine.Unreadable e) {
      int glued = EventLogLine.gluedLine(all, off, len);
      if (glued < 0) {
        skip("skipping the line at byte " + off + ": " + e.getMessage());
      } else {
        skip("skipping the partial line at byte " + off + ", and reading the line glued to it");
        readLine(all, glued, len - (glued - off));
      }
      return;
    }
    if (line instanceof EventLogLine.Event e) {
      if (e.seq() < nextSeq) {
        skip("skipping the line at byte " + off + ": event " + e.seq() + " is out of order");
        return;
      }
      nextSeq = e.seq() + 1;
      recent.add(e.seq(), e.event(), acked);
      if (e.seq() > acked) {
        pending.add(e.seq(), e.event(), len + 1);
      }
    } else if (line instanceof EventLogLine.State st) {
      acked = Math.max(acked, st.acked());
      dropped = st.dropped();
      pending.removeThrough(acked);
    }
  }

  private void skip(String what) {
    if (skipped++ < SKIPS_LOGGED) {
      LOG.warn("event log {}: {}", file, what);
    }
  }
}
