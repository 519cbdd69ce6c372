package org.agentmon.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Reads {@code \n}-terminated lines from a stream in chunks, without the per-byte locking of {@code
 * BufferedInputStream.read()}: a status answer is read in one or two socket reads. With a {@link
 * Deadline}, each read may wait only for what is left of it (give or take {@link #SLACK_MILLIS}), so
 * a trickle cannot stretch it. The socket's timeout is set only when it no longer fits what is left,
 * not before every read: calls with a fresh deadline of the same length then cost no extra system call.
 */
final class LineReader {
  /** Sets how long the next read may block (the socket's SO_TIMEOUT). */
  interface ReadTimeout {
    void set(int millis) throws IOException;
  }

  /** How much longer than the deadline a read may wait, so that the timeout need not be set again. */
  static final int SLACK_MILLIS = 50;

  private final InputStream in;
  private final int maxLine;
  private final ReadTimeout timeout;
  private final byte[] buf = new byte[8192];
  private int pos;
  private int lim;
  /** The timeout last set, -1 before the first. */
  private int timeoutMillis = -1;

  LineReader(InputStream in, int maxLine, ReadTimeout timeout) {
    this.in = in;
    this.maxLine = maxLine;
    this.timeout = timeout;
  }

  /** Lets reads without a deadline block as long as the stream does. */
  void waitForever() throws IOException {
    timeoutMillis = 0;
    timeout.set(0);
  }

  /**
   * Reads the next line.
   *
   * @param deadline when the line must be complete; null waits as long as the stream does
   * @return the next line without its terminator, or null at EOF
   * @throws SocketTimeoutException when the deadline passes first
   */
  byte[] readLine(Deadline deadline) throws IOException {
    byte[] acc = null;
    int accLen = 0;
    while (true) {
      for (int i = pos; i < lim; i++) {
        if (buf[i] == '\n') {
          byte[] line = new byte[accLen + i - pos];
          if (acc != null) {
            System.arraycopy(acc, 0, line, 0, accLen);
          }
          System.arraycopy(buf, pos, line, accLen, i - pos);
          pos = i + 1;
          return line;
        }
      }
      int rest = lim - pos;
      if (accLen + rest > maxLine) {
        throw new IOException("helper sent a line over " + maxLine + " bytes");
      }
      if (rest > 0) {
        if (acc == null || accLen + rest > acc.length) {
          byte[] bigger = new byte[Math.max(accLen + rest, acc == null ? 512 : acc.length * 2)];
          if (acc != null) {
            System.arraycopy(acc, 0, bigger, 0, accLen);
          }
          acc = bigger;
        }
        System.arraycopy(buf, pos, acc, accLen, rest);
        accLen += rest;
      }
      pos = 0;
      lim = 0;
      if (deadline != null) {
        long left = deadline.remainingMillis();
        if (left <= 0) {
          throw new SocketTimeoutException("the deadline passed");
        }
        if (timeoutMillis < left || timeoutMillis > left + SLACK_MILLIS) {
          timeoutMillis = (int) Math.min(left, Integer.MAX_VALUE - SLACK_MILLIS);
          timeout.set(timeoutMillis);
        }
      }
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        return null;
      }
      lim = n;
    }
  }
}
