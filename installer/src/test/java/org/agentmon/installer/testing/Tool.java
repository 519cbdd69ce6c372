package org.agentmon.installer.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs an external validator; a test that needs a missing one is skipped with the reason. */
public final class Tool {
  private Tool() {}

  /** The outcome of one run: exit code and merged stdout+stderr. */
  public record Result(int exitCode, String output) {}

  /**
   * Skips the calling test unless {@code name} is on the PATH.
   *
   * @param name the executable
   */
  public static void assume(String name) {
    assumeTrue(onPath(name), name + " is not installed (.ci/run installs it)");
  }

  /** @return true if {@code name} is an executable on the PATH */
  public static boolean onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs a command to completion (30 s at most).
   *
   * @param dir the working directory, or null
   * @param command the argv
   * @return exit code and output
   * @throws IOException if it cannot be started or does not finish
   */
  public static Result run(Path dir, List<String> command) throws IOException {
    return run(dir, command, Duration.ofSeconds(30));
  }

  /**
   * Runs a command to completion.
   *
   * @param dir the working directory, or null
   * @param command the argv
   * @param timeout how long it may take; then it is killed
   * @return exit code and output
   * @throws IOException if it cannot be started or does not finish in time
   */
  public static Result run(Path dir, List<String> command, Duration timeout) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p = pb.start();
    try {
      // Read on another thread, so a command that hangs with its output open still times out.
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
        try {
          return p.getInputStream().readAllBytes();
        } catch (IOException e) {
          return ("(output lost: " + e + ")").getBytes(StandardCharsets.UTF_8);
        }
      });
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IOException("timed out after " + timeout.toSeconds() + " s: " + command);
      }
      return new Result(p.exitValue(), new String(out.get(), StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    } catch (ExecutionException e) {
      throw new IOException("cannot read the output of " + command, e);
    }
  }

  /**
   * Parses a plist with Python's plistlib and prints it as JSON-ish repr, an independent check
   * of what dd-plist wrote.
   *
   * @param plist the file
   * @return plistlib's repr of the parsed value
   * @throws IOException if python3 fails
   */
  public static String plistlib(Path plist) throws IOException {
    assume("python3");
    Result r = run(null, List.of("python3", "-c",
        "import plistlib,sys; v=plistlib.load(open(sys.argv[1],'rb')); print(repr(v))", plist.toString()));
    if (r.exitCode() != 0) {
      throw new AssertionError("plistlib cannot parse " + plist + ":\n" + r.output());
    }
    return r.output().trim();
  }
}
