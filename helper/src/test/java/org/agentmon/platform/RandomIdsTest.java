package org.agentmon.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's bytes become a version 4 UUID; an unreadable or short source still gives one. */
class RandomIdsTest {
  @TempDir
  Path dir;

  @Test
  void theSourcesBytesMakeAVersion4Uuid() throws Exception {
    Path src = Files.write(dir.resolve("bytes"), new byte[] {0x00, 0x11, 0x22, 0x33, 0x44, 0x55, (byte) 0xf6, 0x77,
        (byte) 0xf8, (byte) 0x99, (byte) 0xaa, (byte) 0xbb, (byte) 0xcc, (byte) 0xdd, (byte) 0xee, (byte) 0xff});
    assertEquals(UUID.fromString("00112233-4455-4677-b899-aabbccddeeff"), RandomIds.uuid(src));
  }

  @Test
  void everyIdIsVersion4AndNew() {
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      UUID u = RandomIds.uuid();
      assertEquals(4, u.version(), u.toString());
      assertEquals(2, u.variant(), u.toString());
      seen.add(u);
    }
    assertEquals(10_000, seen.size(), "no id twice");
  }

  @Test
  void withoutTheKernelsBytesItFallsBackToTheJdks() throws Exception {
    for (Path src : new Path[] {dir.resolve("missing"), Files.write(dir.resolve("short"), new byte[5])}) {
      UUID u = RandomIds.uuid(src);
      assertEquals(4, u.version(), src + ": " + u);
      assertEquals(2, u.variant(), src + ": " + u);
    }
  }
}
