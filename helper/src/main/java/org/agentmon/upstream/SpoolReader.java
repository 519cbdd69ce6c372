package org.agentmon.upstream;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the spool's lines at start into the undelivered {@link Backlog} and the {@link Trail}. The
 * last state line says what was delivered; a line that does not fit the format, or an event out of
 * order, is skipped and counted, and the first few are named in the log (never what they hold).
 */
final class SpoolReader {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolReader.class);
  /** Skipped lines named one by one in the log at load; the rest only in the count. */
  private static final int SKIPS_LOGGED = 10;

  private final Path file;
  private final Backlog pending;
  private final Trail trail;
  private long nextSeq = 1;
  private long acked;
  private long dropped;
  private long skipped;

  /**
   * @param file the spool's path, for messages
   * @param pending gets the undelivered events
   * @param trail gets every event read
   */
  SpoolReader(Path file, Backlog pending, Trail trail) {
    this.file = file;
    this.pending = pending;
    this.trail = trail;
  }

  /**
   * Reads the whole lines of the spool.
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
      LOG.warn("event spool {}: skipped {} lines in all that were torn or did not fit the spool's format",
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

  /** @return how many events were dropped because the spool was full */
  long dropped() {
    return dropped;
  }

  /** @return how many lines were skipped */
  long skipped() {
    return skipped;
  }

  private void readLine(byte[] all, int off, int len) {
    SpoolLine.Decoded line;
    try {
      line = SpoolLine.decode(all, off, len);
    } catch (SpoolLine.Unreadable e) {
      int glued = SpoolLine.gluedLine(all, off, len);
      if (glued < 0) {
        skip("skipping the line at byte " + off + ": " + e.getMessage());
      } else {
        skip("skipping the partial line at byte " + off + ", and reading the line glued to it");
        readLine(all, glued, len - (glued - off));
      }
      return;
    }
    if (line instanceof SpoolLine.Event e) {
      if (e.seq() < nextSeq) {
        skip("skipping the line at byte " + off + ": event " + e.seq() + " is out of order");
        return;
      }
      nextSeq = e.seq() + 1;
      trail.add(e.seq(), e.event(), acked);
      if (e.seq() > acked) {
        pending.add(e.seq(), e.event(), len + 1);
      }
    } else if (line instanceof SpoolLine.State st) {
      acked = Math.max(acked, st.acked());
      dropped = st.dropped();
      pending.removeThrough(acked);
    }
  }

  private void skip(String what) {
    if (skipped++ < SKIPS_LOGGED) {
      LOG.warn("event spool {}: {}", file, what);
    }
  }
}
