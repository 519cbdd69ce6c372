package org.agentmon.installer.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The no-link rule holds below {@code /} too, and the root itself may be a link (the administrator chose it). */
class RootPathsTest {
  @TempDir Path dir;

  @Test
  void aLinkBelowTheSystemRootIsRefused() {
    assumeTrue(Files.isSymbolicLink(Path.of("/proc/self")), "needs Linux's /proc/self, a symbolic link below /");
    InstallException e = assertThrows(InstallException.class,
        () -> new RootPaths(Path.of("/")).unlinked("/proc/self/status"));
    assertEquals("refusing to follow the symbolic link /proc/self (-> " + ProcessHandle.current().pid()
        + "): the installer never writes or deletes through a link; replace it with a real directory or remove it",
        e.getMessage());
  }

  @Test
  void theRootItselfMayBeALink() throws IOException {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);
    assertEquals(link.resolve("etc/x"), new RootPaths(link).unlinked("/etc/x"));
  }

  @Test
  void missingComponentsAreFine() throws InstallException {
    assertEquals(dir.resolve("a/b/c"), new RootPaths(dir).unlinked("/a/b/c"));
  }
}
