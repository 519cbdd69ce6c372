package org.agentmon.usrtask.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar usrtask.jar} as a real process with its own environment; output goes to a file.
 *
 * @param process the running process
 * @param out where its stdout and stderr go
 */
public record AppProcess(Process process, Path out) implements AutoCloseable {

  /**
   * @param jar usrtask.jar
   * @param out where its stdout and stderr go
   * @param env environment added to this JVM's
   * @param args UsrTask's arguments
   * @return the running process
   * @throws IOException if it cannot start
   */
  public static AppProcess start(Path jar, Path out, Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    return start(out, env, cmd);
  }

  /**
   * @param out where its stdout and stderr go
   * @param env environment added to this JVM's
   * @param command the whole command line, e.g. usrtask.jar under another program
   * @return the running process
   * @throws IOException if it cannot start
   */
  public static AppProcess start(Path out, Map<String, String> env, List<String> command) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
        .redirectInput(new File("/dev/null"));
    pb.environment().putAll(env);
    return new AppProcess(pb.start(), out);
  }

  /** @return everything it printed so far */
  public String output() {
    try {
      return Files.readString(out);
    } catch (IOException e) {
      return e.toString();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
