package org.agentmon.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code mount}/{@code umount} for tests that simulate disk trouble; needs root. */
final class Mounts {
  private Mounts() {}

  /** @return null on success, else the command and its output (the reason to skip) */
  static String run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return String.join(" ", cmd) + ": timed out";
    }
    return p.exitValue() == 0 ? null : String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + out;
  }

  /** Lazily unmounts, ignoring failures (cleanup). */
  static void unmount(java.nio.file.Path where) {
    try {
      run("umount", "-l", where.toString());
    } catch (IOException | InterruptedException e) {
      // cleanup only
    }
  }
}
