package org.agentmon.installer.systemd;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.agentmon.client.HelperClient;
import org.agentmon.protocol.Status;

/**
 * A client that asks {@code status} over and over, each time on a new connection (as the
 * {@code agentmon} command does), from the host through the container's socket file, and records
 * every answer and every failure, in order. What a restart or an upgrade looks like to the people
 * using it. A failure is either a refusal (the connection itself failed: no socket, nobody
 * listening) or a drop (connected, then lost before the answer).
 */
final class StatusLoop implements AutoCloseable {
  private final Path socket;
  private final Thread thread;
  /** Prefix of HelperClient's message when the connection itself failed. */
  private static final String NOT_CONNECTED = "no helper answers";
  private final List<Status> answers = new ArrayList<>(); // guarded by this
  private final List<String> failures = new ArrayList<>(); // guarded by this
  /** Every outcome in order: an answer's pid, or -1 for a failure. Guarded by this. */
  private final List<Long> outcomes = new ArrayList<>();
  private volatile boolean running = true;

  private StatusLoop(Path socket) {
    this.socket = socket;
    this.thread = new Thread(this::loop, "status-loop");
  }

  /**
   * @param socket the helper's socket, as the host sees it
   * @return a started loop
   */
  static StatusLoop start(Path socket) {
    StatusLoop l = new StatusLoop(socket);
    l.thread.setDaemon(true);
    l.thread.start();
    return l;
  }

  private void loop() {
    while (running) {
      // Never retried: a refused or failed connection is recorded as it happened.
      try (HelperClient c = HelperClient.connect(socket, Duration.ZERO)) {
        Status s = c.status();
        synchronized (this) {
          answers.add(s);
          outcomes.add(s.pid());
        }
      } catch (IOException | RuntimeException e) {
        synchronized (this) {
          failures.add(Instant.now() + " #" + outcomes.size() + " " + e);
          outcomes.add(-1L);
        }
      }
    }
  }

  /** @return the answers so far, oldest first */
  synchronized List<Status> answers() {
    return List.copyOf(answers);
  }

  /** @return the failures so far, each with its time and its place among the outcomes */
  synchronized List<String> failures() {
    return List.copyOf(failures);
  }

  /** @return the failures where the connection itself failed: what "nobody is refused" forbids */
  synchronized List<String> refusals() {
    return failures.stream().filter(f -> f.contains(NOT_CONNECTED)).collect(Collectors.toList());
  }

  /**
   * @param oldPid the helper being replaced
   * @return the failures outside the switch from {@code oldPid} to its successor (after its last
   *     answer and before the new one's first): anywhere else nothing may fail at all
   */
  synchronized List<String> failuresOutsideTheSwitch(long oldPid) {
    int lastOld = outcomes.lastIndexOf(oldPid);
    int firstNew = -1;
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) != -1L && outcomes.get(i) != oldPid) {
        firstNew = i;
        break;
      }
    }
    List<String> outside = new ArrayList<>();
    int f = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i) == -1L) {
        if (i < lastOld || firstNew < 0 || i > firstNew) {
          outside.add(failures.get(f));
        }
        f++;
      }
    }
    return outside;
  }

  /**
   * Waits until an answer matching {@code wanted} has arrived.
   *
   * @param what what is waited for, for the failure message
   * @param wanted the answer looked for
   * @param timeout how long to wait
   * @return the first such answer
   * @throws AssertionError if none arrives in time
   */
  Status await(String what, Predicate<Status> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int seen = 0;
    while (System.nanoTime() < deadline) {
      List<Status> all = answers();
      for (; seen < all.size(); seen++) {
        if (wanted.test(all.get(seen))) {
          return all.get(seen);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(what + ": not within " + timeout.toSeconds() + " s; failures: " + failures());
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(30_000);
  }
}
