package org.agentmon.client;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketTimeoutException;
import java.nio.ByteOrder;

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

  private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

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
   * Finds the first {@code \n} eight bytes at a time (a status answer is some 500 bytes): in each
   * little-endian word, the lowest byte that becomes zero when XORed with {@code \n} is the first
   * newline; bytes above a match may be flagged wrongly, below it never.
   *
   * @return the index of the first {@code \n} in {@code b[from, to)}, or -1
   */
  static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) WORDS.get(b, i) ^ NEWLINES;
      long found = (x - ONES) & ~x & HIGH_BITS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
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
      int i = indexOfNewline(buf, pos, lim);
      if (i >= 0) {
        byte[] line = new byte[accLen + i - pos];
        if (acc != null) {
          System.arraycopy(acc, 0, line, 0, accLen);
        }
        System.arraycopy(buf, pos, line, accLen, i - pos);
        pos = i + 1;
        return line;
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
