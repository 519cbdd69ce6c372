package org.agentmon.usrtask.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Where the dynamic linker finds GTK 3 ({@code libgtk-3.so.0}), which JavaFX needs on Linux. */
public final class Gtk3 {
  private static final String LIBRARY = "libgtk-3.so.0";

  private Gtk3() {}

  /** @return the files the linker's cache lists for GTK 3; empty when it is not installed */
  public static List<Path> libraryFiles() {
    List<Path> found = new ArrayList<>();
    for (String line : ldconfigCache().split("\n")) {
      int arrow = line.indexOf("=>");
      if (line.strip().startsWith(LIBRARY + " ") && arrow > 0) {
        found.add(Path.of(line.substring(arrow + 2).strip()));
      }
    }
    return found;
  }

  /** Skips the test, saying what to install, unless GTK 3 is installed. */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(!libraryFiles().isEmpty(),
        "GTK 3 is not installed (apt-get install libgtk-3-0): JavaFX cannot load its glass GTK library");
  }

  private static String ldconfigCache() {
    for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig")) {
      if (Files.isExecutable(Path.of(ldconfig))) {
        try {
          Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
          return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          return "";
        }
      }
    }
    return "";
  }
}
