package org.agentmon.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the built helper jar and the JVM that runs it are, and the flags the helper is launched with. */
public final class Jar {
  private Jar() {}

  public static Path path() {
    String p = System.getProperty("agentmon.jar", "target/agentmon.jar");
    Path jar = Path.of(p).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build the jar first (./mvnw package): " + jar);
    }
    return jar;
  }

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The helper's launch flags, from the one list the installer's {@code HelperLaunch} must equal (a test checks). */
  public static List<String> launchFlags() {
    try (InputStream in = Jar.class.getResourceAsStream("/org/agentmon/helper-jvm-flags.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
          .filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
