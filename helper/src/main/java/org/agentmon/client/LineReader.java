package org.agentmon.client;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads {@code \n}-terminated lines from a stream in chunks, without the per-byte locking of {@code
 * BufferedInputStream.read()}: a status answer is read in one or two socket reads.
 */
final class LineReader {
  private final InputStream in;
  private final int maxLine;
  private final byte[] buf = new byte[8192];
  private int pos;
  private int lim;

  LineReader(InputStream in, int maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  /** @return the next line without its terminator, or null at EOF */
  byte[] readLine() throws IOException {
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
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        return null;
      }
      lim = n;
    }
  }
}
