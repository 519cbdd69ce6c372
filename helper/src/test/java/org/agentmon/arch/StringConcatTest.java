package org.agentmon.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The helper's classes concatenate strings with {@code StringBuilder} calls, not through
 * {@code invokedynamic} (the root pom's {@code -XDstringConcat=inline}): each new shape of an
 * indy concatenation spins method-handle classes the first time it runs, about a millisecond each
 * in a fresh JVM, and the helper's start ran dozens of them before its first answer.
 */
class StringConcatTest {
  private static final byte[] INDY_CONCAT = "makeConcatWithConstants".getBytes(StandardCharsets.US_ASCII);

  @Test
  void noCompiledClassUsesIndyConcatenation() throws IOException {
    Path classes = Path.of("target/classes/org/agentmon");
    assertTrue(Files.isDirectory(classes), "compiled classes in " + classes.toAbsolutePath());
    List<String> indy;
    try (Stream<Path> all = Files.walk(classes)) {
      indy = all.filter(p -> p.toString().endsWith(".class")).filter(StringConcatTest::usesIndyConcat)
          .map(p -> classes.relativize(p).toString()).sorted().toList();
    }
    assertEquals(List.of(), indy, "compiled with -XDstringConcat=inline (root pom)?");
  }

  @Test
  void theCheckFindsAnIndyConcatenation() throws IOException {
    // logback is compiled the usual way: its file appender concatenates through invokedynamic.
    try (var in = StringConcatTest.class.getResourceAsStream("/ch/qos/logback/core/FileAppender.class")) {
      assertTrue(in != null && contains(in.readAllBytes(), INDY_CONCAT), "the check must see what it looks for");
    }
  }

  private static boolean usesIndyConcat(Path p) {
    try {
      return contains(Files.readAllBytes(p), INDY_CONCAT);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
