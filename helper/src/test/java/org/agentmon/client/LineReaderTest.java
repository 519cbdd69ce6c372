package org.agentmon.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  /** Hands out at most {@code chunk} bytes per read, as a socket may. */
  static InputStream trickle(byte[] data, int chunk) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  @Test
  void splitsLinesAcrossAnyReadBoundaries() throws IOException {
    byte[] big = new byte[20_000];
    Arrays.fill(big, (byte) 'x');
    String text = "a\n\nbc\n" + new String(big, StandardCharsets.US_ASCII) + "\nlast\n";
    for (int chunk : new int[] {1, 3, 8192, 100_000}) {
      LineReader r = new LineReader(trickle(text.getBytes(StandardCharsets.US_ASCII), chunk), 1 << 20);
      assertArrayEquals("a".getBytes(), r.readLine());
      assertArrayEquals(new byte[0], r.readLine());
      assertArrayEquals("bc".getBytes(), r.readLine());
      assertArrayEquals(big, r.readLine());
      assertArrayEquals("last".getBytes(), r.readLine());
      assertNull(r.readLine(), "EOF");
    }
  }

  @Test
  void refusesALineOverTheLimit() {
    LineReader r = new LineReader(trickle(new byte[5000], 1000), 4096);
    assertThrows(IOException.class, r::readLine);
  }
}
