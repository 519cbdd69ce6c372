package org.agentmon.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The installer may use the helper's protocol, client and upstream (doctor reads the configuration
 * as the helper does), never its daemon: docs/architecture.md, "Who may use whom".
 */
class ArchitectureTest {
  @Test
  void installerClassesNeverReferToTheDaemonPackage() throws IOException, URISyntaxException {
    Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Path> all;
    try (Stream<Path> s = Files.walk(classes)) {
      all = s.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
    }
    assertFalse(all.isEmpty(), "no classes under " + classes);
    List<String> offenders = all.stream().filter(ArchitectureTest::mentionsDaemon)
        .map(p -> classes.relativize(p).toString()).collect(Collectors.toList());
    assertEquals(List.of(), offenders);
  }

  private static boolean mentionsDaemon(Path classFile) {
    try {
      // Class references sit in the constant pool as UTF-8 internal names.
      return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("org/agentmon/daemon/");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
