package org.agentmon.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code agentmon} from the built jar as a separate process, optionally under a prefix. */
final class Cli {
  /** What a finished command left. */
  record Result(int code, String out) { }

  private Cli() {}

  static Result run(List<String> prefix, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(List.of(Jar.java(), "-jar", Jar.path().toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + cmd);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  static Result run(String... args) throws IOException, InterruptedException {
    return run(List.of(), args);
  }
}
