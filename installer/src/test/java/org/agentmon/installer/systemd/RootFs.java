package org.agentmon.installer.systemd;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.installer.testing.Tool;

/**
 * The root file system the containers boot: a minimal Debian 12 built once with mmdebstrap and
 * cached outside the repository (each boot writes to a throw-away overlay, never to the cache).
 * Its apt lists are kept, so {@code apt-get install -s} inside can show what a package would pull.
 */
final class RootFs {
  static final String SUITE = "bookworm";
  /**
   * A Debian server with systemd, and sudo so README's commands and doctor's fixes run verbatim;
   * everything else comes from our packages.
   */
  static final List<String> PACKAGES = List.of("systemd", "systemd-sysv", "dbus", "procps", "sudo");
  /** The cache: {@code -Dagentmon.test.cache=DIR} moves it. */
  static final Path CACHE = Path.of(System.getProperty("agentmon.test.cache", "/var/cache/agentmon-test"));
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

  private RootFs() {}

  /** @return the mmdebstrap command that builds the tree into {@code dir} */
  static List<String> command(Path dir) {
    List<String> cmd = new ArrayList<>(List.of("mmdebstrap", "--quiet", "--variant=minbase",
        "--include=" + String.join(",", PACKAGES), "--skip=cleanup/apt/lists"));
    cmd.add(SUITE);
    cmd.add(dir.toString());
    return cmd;
  }

  /**
   * Returns the cached tree, building it first if needed (under a lock, so concurrent test runs
   * build it once). A new package list means a new cache entry.
   *
   * @return the root directory
   * @throws IOException if mmdebstrap fails
   */
  static Path ready() throws IOException {
    String key = Integer.toHexString(String.join(" ", command(Path.of("ROOT"))).hashCode());
    Path dir = CACHE.resolve(SUITE + "-" + key);
    if (booted(dir)) {
      return dir;
    }
    Files.createDirectories(CACHE);
    try (FileChannel lockFile = FileChannel.open(CACHE.resolve(".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
      if (booted(dir)) {
        return dir;
      }
      Path partial = CACHE.resolve(dir.getFileName() + ".partial");
      Tool.run(null, List.of("rm", "-rf", "--one-file-system", partial.toString()));
      Tool.Result r = Tool.run(null, command(partial), BUILD_TIMEOUT);
      if (r.exitCode() != 0 || !booted(partial)) {
        throw new IOException("mmdebstrap failed (exit " + r.exitCode() + "): " + command(partial) + "\n" + r.output());
      }
      Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
      return dir;
    }
  }

  private static boolean booted(Path dir) {
    return Files.isExecutable(dir.resolve("lib/systemd/systemd"));
  }
}
