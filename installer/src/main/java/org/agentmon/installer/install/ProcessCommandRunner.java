package org.agentmon.installer.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs commands as real processes, stdin closed, output merged, one minute at most. */
public final class ProcessCommandRunner implements CommandRunner {
  static final long TIMEOUT_SECONDS = 60;

  @Override
  public CommandResult run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    try {
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
      }
      return new CommandResult(p.exitValue(), new String(out, StandardCharsets.UTF_8).strip());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }
}
