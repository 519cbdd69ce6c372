package org.agentmon.installer.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The installer's record of what it wrote: one {@code sha256 path} line per file, and the hash
 * of the helper jar the jobs ran when it was written, so {@code upgrade} can tell a helper the
 * package has replaced under a still-running job.
 */
final class Manifest {
  private Manifest() {}

  static byte[] render(Map<String, String> hashes) {
    StringBuilder s = new StringBuilder("# agentmon-installer manifest: sha256 path\n");
    hashes.forEach((path, hash) -> s.append(hash).append(' ').append(path).append('\n'));
    return s.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** @return path to hash, empty when there is no manifest */
  static Map<String, String> read(Path file) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return m;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw IoErrors.failed("read", file, e);
    }
    for (String line : lines) {
      int sp = line.indexOf(' ');
      if (!line.startsWith("#") && sp > 0) {
        m.put(line.substring(sp + 1), line.substring(0, sp));
      }
    }
    return m;
  }
}
