package org.agentmon.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every file the installer creates, writes, replaces or deletes goes through
 * {@code install/Actions}, where the no-link rule and the error wording live: no other main
 * class calls a file-changing API, nor the project's atomic writer ({@code AtomicFiles}) directly.
 */
class FileChangesTest {
  private static final Pattern CHANGES = Pattern.compile(
      "Files\\.(write|writeString|delete|deleteIfExists|createDirector(y|ies)|createFile|createTemp\\w*|move|copy"
          + "|newOutputStream|newBufferedWriter|setPosixFilePermissions|setAttribute|setOwner)\\("
          + "|FileOutputStream|FileWriter|RandomAccessFile|StandardOpenOption\\.(WRITE|CREATE|APPEND)|AtomicFiles\\.");
  /**
   * The one place, the out directory render creates before handing it to that place, and the
   * private (0700) work directory the CDS archive is made in before Actions puts it in place.
   */
  private static final List<String> ALLOWED = List.of("install/Actions.java", "install/TreeWriter.java",
      "install/CdsArchive.java");

  @Test
  void onlyActionsChangesFiles() throws IOException {
    Path src = Path.of("src/main/java/org/agentmon/installer");
    assertTrue(Files.isDirectory(src), "run from the installer module: " + src.toAbsolutePath());
    List<String> offenders;
    try (Stream<Path> s = Files.walk(src)) {
      offenders = s.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> !ALLOWED.contains(src.relativize(p).toString()))
          .filter(FileChangesTest::changesFiles)
          .map(p -> src.relativize(p).toString()).toList();
    }
    assertEquals(List.of(), offenders);
  }

  private static boolean changesFiles(Path source) {
    try {
      return CHANGES.matcher(Files.readString(source)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
