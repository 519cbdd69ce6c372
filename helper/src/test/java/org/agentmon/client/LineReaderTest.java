package org.agentmon.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
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
      LineReader r = new LineReader(trickle(text.getBytes(StandardCharsets.US_ASCII), chunk), 1 << 20, ms -> { });
      assertArrayEquals("a".getBytes(), r.readLine(null));
      assertArrayEquals(new byte[0], r.readLine(null));
      assertArrayEquals("bc".getBytes(), r.readLine(null));
      assertArrayEquals(big, r.readLine(null));
      assertArrayEquals("last".getBytes(), r.readLine(null));
      assertNull(r.readLine(null), "EOF");
    }
  }

  /** Every byte value, newlines at every place of an eight-byte word: the first one is always found. */
  @Test
  void findsTheFirstNewlineWhateverSurroundsIt() {
    Random r = new Random(15);
    for (int n = 0; n < 20_000; n++) {
      byte[] b = new byte[r.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = r.nextInt(4) == 0 ? (byte) (0x0a ^ (1 << r.nextInt(8))) : (byte) r.nextInt(256);
        b[i] = r.nextInt(12) == 0 ? (byte) '\n' : b[i];
      }
      int from = r.nextInt(b.length + 1);
      int to = from + r.nextInt(b.length - from + 1);
      int expected = -1;
      for (int i = from; i < to && expected < 0; i++) {
        expected = b[i] == '\n' ? i : -1;
      }
      assertEquals(expected, LineReader.indexOfNewline(b, from, to), Arrays.toString(b) + " " + from + ".." + to);
    }
  }

  @Test
  void refusesALineOverTheLimit() {
    LineReader r = new LineReader(trickle(new byte[5000], 1000), 4096, ms -> { });
    assertThrows(IOException.class, () -> r.readLine(null));
  }

  @Test
  void aTrickleEndsAtTheDeadlineAndEachReadWaitsOnlyForWhatIsLeft() {
    InputStream dribble = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        try {
          Thread.sleep(20); // a byte now and then, never a newline: resets any per-read timeout
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        b[off] = 'x';
        return 1;
      }
    };
    List<Integer> timeouts = new ArrayList<>();
    LineReader r = new LineReader(dribble, 1 << 20, timeouts::add);
    long start = System.nanoTime();
    assertThrows(SocketTimeoutException.class, () -> r.readLine(Deadline.after(Duration.ofMillis(300))));
    long tookMs = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tookMs >= 290 && tookMs < 5_000, "took " + tookMs + " ms");
    assertTrue(timeouts.size() > 2, "the timeout follows what is left of the deadline: " + timeouts);
    for (int i = 1; i < timeouts.size(); i++) {
      assertTrue(timeouts.get(i) <= timeouts.get(i - 1) && timeouts.get(i) <= 300, "shrinking: " + timeouts);
    }
  }

  @Test
  void callsWithFreshDeadlinesOfOneLengthSetTheTimeoutOnceNotBeforeEveryRead() throws IOException {
    StringBuilder answers = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      answers.append("{\"id\":").append(i).append("}\n");
    }
    List<Integer> timeouts = new ArrayList<>();
    LineReader r = new LineReader(trickle(answers.toString().getBytes(StandardCharsets.US_ASCII), 7), 1 << 20,
        timeouts::add);
    for (int i = 0; i < 100; i++) {
      assertArrayEquals(("{\"id\":" + i + "}").getBytes(StandardCharsets.US_ASCII),
          r.readLine(Deadline.after(Duration.ofSeconds(10))));
    }
    assertEquals(1, timeouts.size(), "set once: " + timeouts);
    r.readLine(Deadline.after(Duration.ofSeconds(1)));
    assertEquals(2, timeouts.size(), "a shorter deadline sets it again: " + timeouts);
    assertTrue(timeouts.get(1) <= 1000, "at most what is left: " + timeouts);
  }
}
