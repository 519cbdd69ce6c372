package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.agentmon.it.fixtures.Cli;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.Jar;
import org.agentmon.it.fixtures.StallingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every client verb ends by its deadline ({@code --timeout}, default 10 s, connect included) against
 * a helper that trickles, one that sends only notifications and one that never accepts: the real
 * CLI, as a process, exits 3 and says what happened. Streams keep running after their first answer.
 */
class ClientDeadlineIT {
  private static final List<List<String>> VERBS = List.of(List.of("status"), List.of("status", "--watch"),
      List.of("restart"), List.of("restart", "--wait"), List.of("stop"), List.of("start"), List.of("events"),
      List.of("events", "--follow"));
  /** JVM start-up of eight CLIs at once on a loaded 2-core machine, on top of the deadline. */
  private static final Duration MARGIN = Duration.ofSeconds(60);
  private static final List<Process> STARTED = new CopyOnWriteArrayList<>();

  @TempDir Path tmp;

  @AfterEach
  void killLeftovers() {
    STARTED.forEach(Process::destroyForcibly);
    STARTED.clear();
  }

  @Test
  void aTrickleEndsEveryVerbAtItsDeadline() throws Exception {
    Path sock = tmp.resolve("trickle.sock");
    try (StallingServer bad = new StallingServer(sock, StallingServer.Mode.TRICKLE)) {
      List<Run> runs = startAll(sock, 3);
      Run byDefault = Run.start(tmp.resolve("default.out"), "status", "--socket", sock.toString());
      for (Run r : runs) {
        r.assertNoAnswer(sock, 3);
      }
      byDefault.assertNoAnswer(sock, 10);
      assertTrue(byDefault.millis >= 10_000, "the default deadline is 10 s: " + byDefault.millis + " ms");
    }
  }

  @Test
  void notificationsWithoutAnAnswerEndEveryVerbAtItsDeadline() throws Exception {
    Path sock = tmp.resolve("chatty.sock");
    try (StallingServer bad = new StallingServer(sock, StallingServer.Mode.NOTIFICATIONS)) {
      for (Run r : startAll(sock, 3)) {
        r.assertNoAnswer(sock, 3);
      }
    }
  }

  @Test
  void aSocketThatNeverAcceptsEndsEveryVerb() throws Exception {
    Path sock = tmp.resolve("full.sock");
    try (StallingServer bad = new StallingServer(sock, StallingServer.Mode.NEVER_ACCEPTS)) {
      for (Run r : startAll(sock, 3)) {
        r.awaitExit(3);
        assertEquals(3, r.code, r.describe());
        assertTrue(r.out.contains(sock.toString()) && r.out.contains("the queue is full"), r.describe());
      }
    }
  }

  @Test
  void watchAndFollowKeepStreamingAfterTheDeadline() throws Exception {
    try (HelperProcess helper = new HelperProcess(tmp.resolve("h")).start()) {
      String sock = helper.socket.toString();
      // A deadline that a loaded machine still meets for the first answer, then well past it:
      Run watch = Run.start(tmp.resolve("watch.out"), "status", "--watch", "--timeout", "15", "--socket", sock);
      Run follow = Run.start(tmp.resolve("follow.out"), "events", "--follow", "--timeout", "15", "--socket", sock);
      watch.await("the first status line", () -> watch.output().contains("running"));
      follow.await("the first events", () -> follow.output().contains("helper.started"));
      long firstAnswered = System.nanoTime(); // the deadlines started before this
      while (System.nanoTime() - firstAnswered < TimeUnit.SECONDS.toNanos(17)) {
        assertTrue(watch.process.isAlive() && follow.process.isAlive(), watch.describe() + follow.describe());
        Thread.sleep(100);
      }
      assertEquals(0, Cli.run("stop", "--socket", sock).code());
      follow.await("the stop event, after the deadline", () -> follow.output().contains("helper.stopped"));
      watch.await("the stopping status, after the deadline", () -> watch.output().contains("(disabled)"));
    }
  }

  private List<Run> startAll(Path sock, int timeout) throws IOException {
    List<Run> runs = new ArrayList<>();
    for (List<String> verb : VERBS) {
      List<String> args = new ArrayList<>(verb);
      args.addAll(List.of("--timeout", String.valueOf(timeout), "--socket", sock.toString()));
      runs.add(Run.start(tmp.resolve(String.join("-", verb) + ".out"), args.toArray(String[]::new)));
    }
    return runs;
  }

  /** One CLI process, its output in a file, timed from its start. */
  private static final class Run {
    final Process process;
    final Path file;
    final String args;
    final long started = System.nanoTime();
    int code = -1;
    long millis;
    String out = "";

    private Run(Process process, Path file, String args) {
      this.process = process;
      this.file = file;
      this.args = args;
    }

    static Run start(Path file, String... args) throws IOException {
      List<String> cmd = new ArrayList<>(List.of(Jar.java(), "-jar", Jar.path().toString()));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(file.toFile()).start();
      STARTED.add(p);
      return new Run(p, file, String.join(" ", args));
    }

    String output() {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return e.toString();
      }
    }

    void awaitExit(int deadlineSeconds) throws Exception {
      long limit = TimeUnit.SECONDS.toMillis(deadlineSeconds) + MARGIN.toMillis();
      boolean ended = process.waitFor(limit - (System.nanoTime() - started) / 1_000_000, TimeUnit.MILLISECONDS);
      millis = (System.nanoTime() - started) / 1_000_000;
      if (!ended) {
        process.destroyForcibly().waitFor();
      }
      out = output();
      assertTrue(ended, "`agentmon " + args + "` still ran after " + millis + " ms; it printed: " + out);
      code = process.exitValue();
    }

    void assertNoAnswer(Path sock, int deadlineSeconds) throws Exception {
      awaitExit(deadlineSeconds);
      assertEquals(3, code, describe());
      assertTrue(out.contains("no answer from the helper at " + sock + " within " + deadlineSeconds + " s"),
          describe());
    }

    void await(String what, BooleanSupplier done) throws Exception {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!done.getAsBoolean()) {
        assertTrue(System.nanoTime() - end < 0, "no " + what + ": " + describe());
        Thread.sleep(50);
      }
    }

    String describe() {
      return "`agentmon " + args + "` (exit " + (process.isAlive() ? "-, running" : process.exitValue()) + ", "
          + millis + " ms) printed: " + output();
    }
  }
}
