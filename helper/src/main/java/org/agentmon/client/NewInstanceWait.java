package org.agentmon.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;

/**
 * Waiting for the helper to come back as a new process after {@code restart}: the one rule that
 * {@code agentmon restart --wait} and the app both follow. Done when a helper with another instance
 * id answers; it says what happened instead when the helper was stopped, when the old instance still
 * answers at the deadline, or when nothing answered by then. Feed it every status seen ({@link
 * #seen}), or let {@link #await} connect until it is done. Not thread-safe.
 */
public final class NewInstanceWait {
  /** How a wait ended. */
  public enum Outcome {
    /** A new instance answers, and it runs (or is in safe mode) as before. */
    RESTARTED,
    /** The helper was stopped instead: it answers {@code disabled} and was not before. */
    STOPPED,
    /** The deadline passed while the old instance still answered. */
    SAME_INSTANCE,
    /** The deadline passed and no helper answered since the old one went away. */
    TIMED_OUT
  }

  /**
   * How a wait ended and the last status seen.
   *
   * @param outcome what happened
   * @param status the status that settled it, or the last seen (null when none)
   */
  public record Result(Outcome outcome, Status status) {}

  /** How long {@link #await} waits between two attempts. */
  static final long PAUSE_MILLIS = 200;

  private final Status before;
  private final Deadline deadline;
  private Status lastSeen;

  /**
   * Starts a wait.
   *
   * @param before the helper's status before the restart was asked for
   * @param deadline when to give up
   */
  public NewInstanceWait(Status before, Deadline deadline) {
    this.before = Objects.requireNonNull(before, "before");
    this.deadline = deadline;
  }

  /**
   * Takes a status the helper answered with.
   *
   * @param s the status
   * @return how the wait ended, or null while it goes on
   */
  public Result seen(Status s) {
    lastSeen = s;
    boolean newInstance = !Objects.equals(s.instanceId(), before.instanceId());
    if (s.state() == RunState.DISABLED && before.state() != RunState.DISABLED) {
      return new Result(Outcome.STOPPED, s);
    }
    if (newInstance && s.state() != RunState.STOPPING) {
      return new Result(Outcome.RESTARTED, s);
    }
    return null;
  }

  /** Notes that nothing answered: the old instance is gone. */
  public void nothingAnswered() {
    lastSeen = null;
  }

  /** @return whether the deadline has passed */
  public boolean expired() {
    return deadline.passed();
  }

  /** @return how the wait ends at the deadline: who answered last, if anyone */
  public Result timedOut() {
    Status last = lastSeen;
    boolean old = last != null && Objects.equals(last.instanceId(), before.instanceId());
    return new Result(old ? Outcome.SAME_INSTANCE : Outcome.TIMED_OUT, last);
  }

  /** @return the deadline this wait ends by */
  public Deadline deadline() {
    return deadline;
  }

  /**
   * Connects again and again until the wait is done or its deadline passes.
   *
   * @param socket the helper's socket
   * @param noAnswer runs after each attempt that nothing answered (e.g. to show progress)
   * @return how the wait ended
   * @throws IncompatibleHelperException when the helper that answers speaks another major version
   * @throws InterruptedIOException when interrupted
   */
  public Result await(Path socket, Runnable noAnswer) throws IOException {
    while (!expired()) {
      try (HelperClient c = HelperClient.connect(socket, Duration.ofSeconds(2), deadline)) {
        Result r = seen(c.status());
        if (r != null) {
          return r;
        }
      } catch (IncompatibleHelperException e) {
        throw e;
      } catch (IOException e) {
        nothingAnswered();
        noAnswer.run();
      }
      Dial.sleep(Math.min(PAUSE_MILLIS, deadline.remainingMillis()));
    }
    return timedOut();
  }
}
