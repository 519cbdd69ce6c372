package org.agentmon.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Random UUIDs (version 4) straight from the kernel's generator, {@code /dev/urandom} on Linux and
 * macOS. {@link UUID#randomUUID()} draws from the JDK's {@code SecureRandom}, whose first use in a
 * fresh JVM looks up security providers and seeds itself: tens of milliseconds of the helper's way
 * to its first answer (its instance id, its first event), measured in the cold-start bench. The
 * kernel's bytes are as strong; where they cannot be read this falls back to {@code randomUUID}.
 */
public final class RandomIds {
  private static final Path URANDOM = Path.of("/dev/urandom");

  private RandomIds() {}

  /** @return a new random UUID */
  public static UUID uuid() {
    return uuid(URANDOM);
  }

  /** @param source where the 16 random bytes come from (the test's seam) */
  static UUID uuid(Path source) {
    byte[] b;
    try (InputStream in = Files.newInputStream(source)) {
      b = in.readNBytes(16);
    } catch (IOException e) {
      return UUID.randomUUID();
    }
    if (b.length < 16) {
      return UUID.randomUUID();
    }
    b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
    b[8] = (byte) ((b[8] & 0x3f) | 0x80); // the IETF variant
    return new UUID(word(b, 0), word(b, 8));
  }

  private static long word(byte[] b, int at) {
    long v = 0;
    for (int i = at; i < at + 8; i++) {
      v = (v << 8) | (b[i] & 0xff);
    }
    return v;
  }
}
