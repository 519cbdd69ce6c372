package org.agentmon.installer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code render --out} writes like {@code install}: every file, right mode, never through a link. */
class RenderCommandTest {
  @TempDir Path dir;
  @TempDir Path elsewhere;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return InstallerCommand.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void writesEveryFileUnderAMissingOutDirectory() throws IOException {
    Path target = dir.resolve("a/b");
    assertEquals(0, run("render", "--platform", "linux", "--out", target.toString()), err.toString());
    assertTrue(out.toString().contains(target.resolve("etc/systemd/system/agentmon.service") + "\n"), out.toString());
    assertTrue(Files.isExecutable(target.resolve("package/debian/postinst")));
  }

  @Test
  void aLinkUnderTheOutDirectoryIsRefusedAndItsTargetStaysEmpty() throws IOException {
    Files.createSymbolicLink(dir.resolve("etc"), elsewhere);
    assertEquals(1, run("render", "--platform", "linux", "--out", dir.toString()));
    assertTrue(err.toString().startsWith("agentmon-installer: error: refusing to follow the symbolic link "
        + dir.resolve("etc") + " "), err.toString());
    try (Stream<Path> s = Files.list(elsewhere)) {
      assertEquals(0, s.count());
    }
  }
}
