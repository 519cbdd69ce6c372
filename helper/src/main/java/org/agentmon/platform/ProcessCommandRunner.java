package org.agentmon.platform;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as child processes: stdin closed, stdout and stderr merged, at most
 * {@link #MAX_OUTPUT} bytes of output kept (the rest is read and dropped, so a chatty command never
 * stalls on a full pipe), and a deadline after which the command is killed.
 */
public final class ProcessCommandRunner implements CommandRunner {
  /** The output kept of one command. */
  static final int MAX_OUTPUT = 64 * 1024;
  /** The deadline for commands that do not name one. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  private final Duration deadline;

  /** A runner with {@link #DEFAULT_DEADLINE}. */
  public ProcessCommandRunner() {
    this(DEFAULT_DEADLINE);
  }

  /** @param deadline how long one command may take before it is killed */
  public ProcessCommandRunner(Duration deadline) {
    this.deadline = deadline;
  }

  @Override
  public CommandResult run(List<String> command) throws IOException {
    long end = System.nanoTime() + deadline.toNanos();
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    Output out = new Output(p.getInputStream());
    out.start();
    try {
      if (!p.waitFor(end - System.nanoTime(), TimeUnit.NANOSECONDS)) {
        p.destroyForcibly();
        throw new IOException("timed out after " + deadline.toMillis() + " ms: " + String.join(" ", command));
      }
      // A child the command left behind may hold the pipe: never wait past the deadline for it.
      out.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
      return new CommandResult(p.exitValue(), out.text().strip());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }

  /** Drains a command's output, keeping the first {@link #MAX_OUTPUT} bytes. */
  private static final class Output extends Thread {
    private final InputStream in;
    /** What was kept so far: guarded by this. */
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    Output(InputStream in) {
      super("command-output");
      setDaemon(true);
      this.in = in;
    }

    @Override
    public void run() {
      byte[] buf = new byte[8192];
      try (in) {
        for (int n; (n = in.read(buf)) >= 0; ) {
          synchronized (this) {
            kept.write(buf, 0, Math.min(n, MAX_OUTPUT - kept.size()));
          }
        }
      } catch (IOException e) {
        // The command is gone or was killed: what was read so far is its output.
      }
    }

    synchronized String text() {
      return kept.toString(StandardCharsets.UTF_8);
    }
  }
}
