package org.agentmon.usrtask.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * A user's desktop session for the built {@code usrtask.jar} on a test X server: a private runtime
 * directory (mode 0700, as logind makes it), a home, and the environment that names them.
 */
public final class DesktopSession {
  private DesktopSession() {}

  /** @return {@code usrtask.jar} as {@code mvn package} built it; the test fails when it is missing */
  public static Path jar() {
    Path jar = Path.of(System.getProperty("usrtask.jar", "target/usrtask.jar"));
    assertTrue(Files.isRegularFile(jar), "build usrtask.jar first (mvn package): " + jar);
    return jar;
  }

  /** @return the session's runtime directory in the test's directory ({@code XDG_RUNTIME_DIR}) */
  public static Path runtime(Path dir) {
    return dir.resolve("run");
  }

  /**
   * @param dir the test's directory: {@code run/} and {@code home/} are made in it
   * @param x the display
   * @return {@code DISPLAY}, {@code XDG_RUNTIME_DIR} and {@code HOME}, to add to
   */
  public static Map<String, String> env(Path dir, XServer x) throws IOException {
    Path runtime = Files.createDirectories(runtime(dir));
    Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
    return new HashMap<>(Map.of("DISPLAY", x.display(), "XDG_RUNTIME_DIR", runtime.toString(),
        "HOME", Files.createDirectories(dir.resolve("home")).toString()));
  }
}
