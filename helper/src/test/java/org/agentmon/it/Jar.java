package org.agentmon.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.platform.HelperCommand;

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

  /** The helper's launch flags, as the installed job has them (their one reader is {@code HelperCommand}). */
  public static List<String> launchFlags() {
    return HelperCommand.jvmFlags();
  }
}
