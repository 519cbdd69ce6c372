package org.agentmon.installer.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.agentmon.installer.testing.Tool;

/**
 * A booted Debian 12 with systemd as PID 1: {@code systemd-nspawn --boot --volatile=overlay} on the
 * cached {@link RootFs} (every write vanishes with the container), the package directory bound
 * read-only at {@link #PACKAGES}. Commands run inside with {@code nsenter} into all of PID 1's
 * namespaces; {@link #close()} powers it off the way systemd is told to (SIGRTMIN+4).
 * Where nspawn cannot boot (no root, no CAP_SYS_ADMIN, tools missing), the test is skipped with
 * the reason.
 */
final class Machine implements AutoCloseable {
  /** Where the host's package directory appears inside. */
  static final String PACKAGES = "/mnt/packages";
  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
  private static final AtomicInteger COUNT = new AtomicInteger();

  private final String name;
  private final Process nspawn;
  private final long init;
  private final Path log;

  private Machine(String name, Process nspawn, long init, Path log) {
    this.name = name;
    this.nspawn = nspawn;
    this.init = init;
    this.log = log;
  }

  /**
   * Boots a fresh container and waits until systemd says the system is up.
   *
   * @param packages the host directory with the {@code .deb}s
   * @param logDir where the container's console output is kept
   * @return the running machine
   * @throws IOException if it does not come up
   */
  static Machine boot(Path packages, Path logDir) throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "systemd-nspawn needs root");
    for (String tool : List.of("systemd-nspawn", "mmdebstrap", "nsenter")) {
      assumeTrue(Tool.onPath(tool), tool + " is not installed (apt-get install systemd-container mmdebstrap)");
    }
    Path rootfs = RootFs.ready();
    // Unique among helpers and forks on this machine; nspawn's own name, not a registered machine.
    String name = "agentmon-it-" + ProcessHandle.current().pid() + "-" + COUNT.incrementAndGet();
    Files.createDirectories(logDir);
    Path log = logDir.resolve(name + ".log");
    List<String> cmd = List.of("systemd-nspawn", "--quiet", "--directory=" + rootfs, "--boot", "--register=no",
        "--keep-unit", "--volatile=overlay", "--machine=" + name,
        "--bind-ro=" + packages.toAbsolutePath() + ":" + PACKAGES);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
    String state = "";
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        assumeTrue(false, "systemd-nspawn cannot boot a container here (exit " + p.exitValue() + "): "
            + tail(log));
      }
      Optional<ProcessHandle> pid1 = ProcessHandle.of(p.pid()).flatMap(h -> h.children().findFirst());
      if (pid1.isPresent()) {
        Machine m = new Machine(name, p, pid1.get().pid(), log);
        state = m.run("systemctl", "is-system-running").output().trim();
        if (state.equals("running") || state.equals("degraded")) {
          return m;
        }
      }
      sleep(300);
    }
    p.destroyForcibly();
    throw new IOException(name + " did not boot within " + BOOT_TIMEOUT.toSeconds() + " s (systemd: "
        + state + "):\n" + tail(log));
  }

  /** @return the container's PID 1 as the host sees it */
  long init() {
    return init;
  }

  /**
   * @param path an absolute path inside the container
   * @return the same file seen from the host (through {@code /proc/PID1/root})
   */
  Path hostPath(String path) {
    return Path.of("/proc/" + init + "/root" + path);
  }

  /**
   * Runs a command inside, as root, with a clean environment.
   *
   * @param argv the command
   * @return its exit code and output
   * @throws IOException if it cannot run or takes over five minutes
   */
  Tool.Result run(String... argv) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("nsenter", "--target=" + init, "--all", "--root", "--wd",
        "env", "-i", "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8",
        "DEBIAN_FRONTEND=noninteractive", "SYSTEMD_PAGER=", "HOME=/root"));
    cmd.addAll(List.of(argv));
    return Tool.run(null, cmd, COMMAND_TIMEOUT);
  }

  /**
   * Runs a shell script inside.
   *
   * @param script a {@code sh -c} script
   * @return its exit code and output
   * @throws IOException if it cannot run
   */
  Tool.Result sh(String script) throws IOException {
    return run("sh", "-c", script);
  }

  /**
   * Runs a shell script inside and asserts it succeeds.
   *
   * @param script a {@code sh -c} script
   * @return its output
   * @throws IOException if it cannot run
   */
  String ok(String script) throws IOException {
    Tool.Result r = sh(script);
    assertEquals(0, r.exitCode(), "in " + name + ": " + script + "\n" + r.output());
    return r.output();
  }

  /** Powers off (systemd's SIGRTMIN+4), waits for nspawn to end, kills it if it will not. */
  @Override
  public void close() throws IOException {
    if (nspawn.isAlive()) {
      Tool.run(null, List.of("kill", "-s", "SIGRTMIN+4", Long.toString(init)));
      try {
        if (!nspawn.waitFor(60, TimeUnit.SECONDS)) {
          nspawn.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        nspawn.destroyForcibly();
      }
    }
  }

  @Override
  public String toString() {
    return name + " (PID 1 = host pid " + init + ", console " + log + ")";
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
