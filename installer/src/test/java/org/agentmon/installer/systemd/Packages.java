package org.agentmon.installer.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.agentmon.installer.testing.Tool;

/**
 * The {@code .deb}s built by {@code -Ppackage} ({@code agentmon.package.dir}), and the upgrade
 * package derived from them: the same package with the next revision and a helper jar stamped
 * with another build id, as the next build of the same version would be.
 */
final class Packages {
  /** The helper package's name. */
  static final String HELPER = "agentmon";
  /** The desktop package's name. */
  static final String DESKTOP = "agentmon-desktop";
  private static final String BUILD_PROPERTIES = "org/agentmon/agentmon-build.properties";

  private Packages() {}

  /** @return the directory with the built packages */
  static Path dir() {
    return Path.of(System.getProperty("agentmon.package.dir", "target/package")).toAbsolutePath();
  }

  /**
   * @param name {@link #HELPER} or {@link #DESKTOP}
   * @return the file name of that package in {@link #dir()}
   * @throws IOException if the directory cannot be listed
   */
  static String file(String name) throws IOException {
    try (Stream<Path> s = Files.list(dir())) {
      return s.map(p -> p.getFileName().toString()).filter(f -> f.startsWith(name + "_") && f.endsWith(".deb"))
          .findFirst().orElseThrow(() -> new AssertionError("no " + name + "_*.deb in " + dir()
              + " (build it with -Ppackage)"));
    }
  }

  /**
   * Builds the upgrade package of {@link #HELPER} into {@code out}.
   *
   * @param out an empty directory
   * @param buildId the build id the new helper reports
   * @return the new package file
   * @throws IOException if dpkg-deb fails
   */
  static Path nextRevision(Path out, String buildId) throws IOException {
    Path tree = out.resolve("tree");
    dpkgDeb("-R", dir().resolve(file(HELPER)).toString(), tree.toString());
    Path control = tree.resolve("DEBIAN/control");
    String text = Files.readString(control);
    String version = text.lines().filter(l -> l.startsWith("Version: ")).findFirst().orElseThrow().substring(9);
    int dash = version.lastIndexOf('-');
    String next = version.substring(0, dash + 1) + (Integer.parseInt(version.substring(dash + 1)) + 1);
    Files.writeString(control, text.replace("Version: " + version + "\n", "Version: " + next + "\n"));
    Path jar = tree.resolve("opt/agentmon/lib/app/agentmon.jar");
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
      Path props = zip.getPath(BUILD_PROPERTIES);
      String p = Files.readString(props, StandardCharsets.UTF_8);
      Files.writeString(props, p.replaceAll("(?m)^buildId=.*$", "buildId=" + buildId));
    }
    // md5sums must match what dpkg unpacks, or dpkg --verify flags the jar.
    Tool.Result sums = Tool.run(tree, List.of("sh", "-c",
        "find . -path ./DEBIAN -prune -o -type f -printf '%P\\0' | sort -z | xargs -0 md5sum > DEBIAN/md5sums"));
    assertEquals(0, sums.exitCode(), sums.output());
    Path deb = out.resolve(HELPER + "_" + next + "_upgrade.deb");
    dpkgDeb("--build", "-Zgzip", "--root-owner-group", tree.toString(), deb.toString());
    return deb;
  }

  private static void dpkgDeb(String... args) throws IOException {
    List<String> cmd = new java.util.ArrayList<>(List.of("dpkg-deb"));
    cmd.addAll(List.of(args));
    Tool.Result r = Tool.run(null, cmd, java.time.Duration.ofMinutes(3));
    assertEquals(0, r.exitCode(), cmd + "\n" + r.output());
  }
}
