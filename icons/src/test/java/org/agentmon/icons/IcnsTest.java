package org.agentmon.icons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parses the shipped {@code .icns} back, with its own reader, against Apple's type table. */
class IcnsTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  /** Apple's PNG-capable icon types and the edge in pixels each one must hold. */
  private static final Map<String, Integer> EXPECTED = Map.ofEntries(
      Map.entry("icp4", 16), Map.entry("icp5", 32), Map.entry("icp6", 64),
      Map.entry("ic07", 128), Map.entry("ic08", 256), Map.entry("ic09", 512),
      Map.entry("ic10", 1024), Map.entry("ic11", 32), Map.entry("ic12", 64),
      Map.entry("ic13", 256), Map.entry("ic14", 512));

  @Test
  void shippedIcnsParsesBackWithEveryEntryAPngOfItsSize() throws IOException {
    byte[] file;
    try (InputStream in = Icons.icns().openStream()) {
      file = in.readAllBytes();
    }
    Map<String, byte[]> entries = parse(file);
    assertEquals(EXPECTED.keySet(), entries.keySet());
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      byte[] payload = entry.getValue();
      assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(payload, 8), entry.getKey() + " is not PNG");
      BufferedImage image = Pixels.decode(payload);
      int px = EXPECTED.get(entry.getKey());
      assertEquals(px, image.getWidth(), entry.getKey());
      assertEquals(px, image.getHeight(), entry.getKey());
    }
  }

  @Test
  void writerRefusesAMissingSize() {
    Map<Integer, byte[]> onlySmall = Map.of(16, new byte[] {1});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> IcnsWriter.write(onlySmall));
    assertTrue(e.getMessage().contains("icp5"), e.getMessage());
  }

  /** Walks the container: the header's length is the file's, entries' lengths add up to it. */
  private static Map<String, byte[]> parse(byte[] file) {
    ByteBuffer buf = ByteBuffer.wrap(file); // big-endian by default, as ICNS is
    assertEquals("icns", type(buf));
    assertEquals(file.length, buf.getInt(), "header length vs file size");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    long sum = 8;
    while (buf.hasRemaining()) {
      assertTrue(buf.remaining() >= 8, "truncated entry header at " + buf.position());
      String type = type(buf);
      int length = buf.getInt();
      assertTrue(length > 8 && length - 8 <= buf.remaining(),
          type + " claims " + length + " bytes, " + buf.remaining() + " left");
      byte[] payload = new byte[length - 8];
      buf.get(payload);
      assertNotNull(EXPECTED.get(type), "unexpected entry " + type);
      assertEquals(null, entries.put(type, payload), "duplicate entry " + type);
      sum += length;
    }
    assertEquals(file.length, sum, "entry lengths plus header vs file size");
    return entries;
  }

  private static String type(ByteBuffer buf) {
    byte[] type = new byte[4];
    buf.get(type);
    return new String(type, StandardCharsets.US_ASCII);
  }
}
