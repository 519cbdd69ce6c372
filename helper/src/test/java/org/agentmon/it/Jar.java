package org.agentmon.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the built helper jar and the JVM that runs it are. */
final class Jar {
  private Jar() {}

  static Path path() {
    String p = System.getProperty("agentmon.jar", "target/agentmon.jar");
    Path jar = Path.of(p).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("build the jar first (./mvnw package): " + jar);
    }
    return jar;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
