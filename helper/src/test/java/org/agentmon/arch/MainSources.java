package org.agentmon.arch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The main Java sources of every module, for the tests that read the tree. */
final class MainSources {
  /** The repository's root (tests run in {@code helper/}). */
  static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  private MainSources() {}

  /** @return every {@code .java} file under a module's {@code src/main/java} */
  static List<Path> files() throws IOException {
    List<Path> all = new ArrayList<>();
    for (String module : new String[] {"helper", "app", "installer", "icons"}) {
      Path src = ROOT.resolve(module).resolve("src/main/java");
      if (Files.isDirectory(src)) {
        try (Stream<Path> files = Files.walk(src)) {
          files.filter(p -> p.toString().endsWith(".java")).forEach(all::add);
        }
      }
    }
    return all;
  }
}
