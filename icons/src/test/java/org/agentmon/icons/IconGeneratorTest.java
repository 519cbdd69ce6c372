package org.agentmon.icons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IconGeneratorTest {
  /** Per tray state 2 template and 3 colour sizes, then 7 app icon sizes and the ICNS. */
  private static final int FILES = TrayState.values().length * (2 + 3) + 7 + 1;

  @Test
  void writesEveryIconAndTheShippedOnesAreCurrent(@TempDir Path root) throws IOException {
    assertEquals(FILES, IconGenerator.generate(root));
    Path dir = root.resolve("org/agentmon/icons");
    List<Path> written = list(dir);
    assertEquals(FILES, written.size(), "files on disk: " + written);
    // The jar's images must be what the current designs draw, not a stale earlier build.
    for (Path file : written) {
      String name = dir.relativize(file).toString().replace('\\', '/');
      byte[] shipped;
      try (InputStream in = Icons.class.getResourceAsStream(name)) {
        assertEquals(true, in != null, "not on the class path: " + name);
        shipped = in.readAllBytes();
      }
      assertArrayEquals(Files.readAllBytes(file), shipped, name);
    }
  }

  @Test
  void outputIsReproducible(@TempDir Path first, @TempDir Path second) throws IOException {
    IconGenerator.generate(first);
    IconGenerator.generate(second);
    for (Path a : list(first)) {
      Path b = second.resolve(first.relativize(a));
      assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), a.toString());
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }
}
