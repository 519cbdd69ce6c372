package org.agentmon.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.agentmon.protocol.Json;

/**
 * Runs {@code launchd_like_supervisor.py} (a supervisor that holds the socket, passes it on stdin,
 * respawns on failure or on a waiting connection, and throttles) around the built helper jar.
 */
final class LaunchdLikeSupervisor implements AutoCloseable {
  final HelperProcess helper;
  final Path events;
  private final Process process;

  private LaunchdLikeSupervisor(HelperProcess helper, Path events, Process process) {
    this.helper = helper;
    this.events = events;
    this.process = process;
  }

  /**
   * Starts the supervisor; the helper starts on the first connection.
   *
   * @param env extra environment for the helper (e.g. XPC_SERVICE_NAME as launchd sets it)
   */
  static LaunchdLikeSupervisor start(Path dir, double throttleSeconds, Map<String, String> env, String... daemonArgs)
      throws IOException {
    HelperProcess h = new HelperProcess(dir).args(daemonArgs);
    Files.createDirectories(dir);
    Path script = dir.resolve("launchd_like_supervisor.py");
    try (InputStream in = LaunchdLikeSupervisor.class.getResourceAsStream("/launchd_like_supervisor.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    Path events = dir.resolve("events.jsonl");
    List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), h.socket.toString(), events.toString(),
        Double.toString(throttleSeconds), "--"));
    cmd.addAll(h.command());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve("supervisor.out").toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    LaunchdLikeSupervisor s = new LaunchdLikeSupervisor(h, events, p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // python starts slowly on a loaded machine
    while (!Files.exists(h.socket) && System.nanoTime() < deadline) {
      HelperProcess.pause(20);
    }
    if (!Files.exists(h.socket)) {
      s.close();
      throw new IOException("the supervisor did not bind " + h.socket);
    }
    return s;
  }

  /** @return the supervisor's events so far, oldest first */
  List<Map<?, ?>> events() throws IOException {
    List<Map<?, ?>> out = new ArrayList<>();
    if (Files.exists(events)) {
      for (String line : Files.readAllLines(events)) {
        out.add((Map<?, ?>) Json.parse(line));
      }
    }
    return out;
  }

  long count(String kind) throws IOException {
    return events().stream().filter(e -> kind.equals(e.get("kind"))).count();
  }

  /** @return exit codes of helper processes, in order */
  List<Integer> exitCodes() throws IOException {
    List<Integer> codes = new ArrayList<>();
    for (Map<?, ?> e : events()) {
      if ("exit".equals(e.get("kind"))) {
        codes.add(((Number) e.get("code")).intValue());
      }
    }
    return codes;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    helper.close();
  }
}
