package org.agentmon.usrtask.ui;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.agentmon.client.Deadline;
import org.agentmon.client.NewInstanceWait;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.agentmon.usrtask.live.Helper;
import org.agentmon.usrtask.live.HelperStarter;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.present.Action;
import org.agentmon.usrtask.present.Pending;
import org.agentmon.usrtask.present.Presentation;

/**
 * The restart view's model: Restart, Stop and Start with their progress, the measured time and
 * the result. An action is done when the helper shows it (a new instance, off, running), not
 * when the request is answered. FX thread only; helper calls on the command thread.
 */
final class RestartViewModel {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final StatusViewModel status;
  private final Helper helper;
  private final HelperStarter starter;
  private final Executor commands;
  private final LongSupplier nanoTime;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper();
  private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
  private Action running;
  private Action last;
  /** The restart under way, or null. */
  private NewInstanceWait restartWait;
  private long startedNanos;
  private long serial;

  RestartViewModel(StatusViewModel status, HelperStarter starter, Executor commands, LongSupplier nanoTime) {
    this.status = status;
    this.helper = status.helper();
    this.starter = starter;
    this.commands = commands;
    this.nanoTime = nanoTime;
    status.snapshotProperty().addListener((o, was, now) -> check(now));
  }

  /** Restarts AgentMon; done when a new instance answers. */
  void restart() {
    if (!busy.get() && status.presentationProperty().get().canRestart()) {
      LinkSnapshot s = status.snapshotProperty().get();
      restartWait = new NewInstanceWait(s.status(), Deadline.after(TIMEOUT));
      begin(Action.RESTART, Pending.RESTART, helper::restart);
    }
  }

  /** Stops AgentMon for everyone (the view asked for confirmation); done when it is off. */
  void stop() {
    Presentation p = status.presentationProperty().get();
    if (!busy.get() && p.canStopOrStart() && !p.helperOff()) {
      begin(Action.STOP, Pending.STOP, helper::stop);
    }
  }

  /** Starts AgentMon; done when it runs. */
  void start() {
    Presentation p = status.presentationProperty().get();
    if (!busy.get() && p.canStopOrStart() && p.helperOff()) {
      begin(Action.START, Pending.START, this::launchIfNeededAndStart);
    }
  }

  /** Runs the action that failed once more. */
  void tryAgain() {
    if (last == Action.RESTART) {
      restart();
    } else if (last == Action.STOP) {
      stop();
    } else if (last == Action.START) {
      start();
    }
  }

  private void begin(Action action, Pending pending, HelperCall call) {
    running = action;
    last = action;
    long mine = ++serial;
    startedNanos = nanoTime.getAsLong();
    busy.set(true);
    failed.set(false);
    result.set(null);
    status.pendingProperty().set(pending);
    commands.execute(() -> {
      try {
        call.run();
      } catch (IOException e) {
        Platform.runLater(() -> fail(mine, Failures.action(verb(action), e)));
      }
    });
    PauseTransition timeout = new PauseTransition(javafx.util.Duration.millis(TIMEOUT.toMillis()));
    timeout.setOnFinished(e -> fail(mine, timedOut(action)));
    timeout.play();
    check(status.snapshotProperty().get());
  }

  /** Ends the action when the helper shows it done. */
  private void check(LinkSnapshot s) {
    if (running == Action.RESTART && !s.connected()) {
      restartWait.nothingAnswered();
    }
    if (running == null || !s.connected() && running != Action.STOP) {
      return;
    }
    Status st = s.status();
    RunState state = st == null ? null : st.state();
    NewInstanceWait.Result back = running == Action.RESTART && st != null ? restartWait.seen(st) : null;
    if (back != null && back.outcome() == NewInstanceWait.Outcome.STOPPED) {
      finish("Not restarted: AgentMon was stopped instead", false);
      return;
    }
    boolean done = switch (running) {
      case RESTART -> back != null;
      case STOP -> !s.connected() || state == RunState.DISABLED || state == RunState.STOPPING;
      case START -> state == RunState.RUNNING || state == RunState.SAFE_MODE;
    };
    if (done) {
      double secs = (nanoTime.getAsLong() - startedNanos) / 1e9;
      finish(past(running) + " in " + String.format(Locale.ROOT, "%.1f", secs) + " s", false);
    }
  }

  /** Why the action ended at its timeout, in words. */
  private String timedOut(Action action) {
    String within = " within " + TIMEOUT.toSeconds() + " s";
    if (action == Action.STOP) {
      return "AgentMon didn't stop" + within;
    }
    if (action == Action.RESTART && restartWait != null
        && restartWait.timedOut().outcome() == NewInstanceWait.Outcome.SAME_INSTANCE) {
      return "AgentMon didn't restart" + within + ": the old instance still answers";
    }
    return "AgentMon didn't come back" + within;
  }

  private void fail(long which, String why) {
    if (which == serial && running != null) {
      finish(why, true);
    }
  }

  private void finish(String text, boolean failure) {
    running = null;
    restartWait = null;
    busy.set(false);
    failed.set(failure);
    result.set(text);
    status.pendingProperty().set(Pending.NONE);
  }

  /** @return how long the running action has taken so far; zero when none runs */
  Duration elapsed() {
    return running == null ? Duration.ZERO : Duration.ofNanos(nanoTime.getAsLong() - startedNanos);
  }

  /** Clears the result line (it faded out, or was dismissed). */
  void clearResult() {
    if (!failed.get()) {
      result.set(null);
    }
  }

  /** Launches a helper first when none answers and this app may (development mode), then asks it to start. */
  private void launchIfNeededAndStart() throws IOException {
    if (!helper.snapshot().connected()) {
      if (starter == null) {
        throw new IOException("nothing answers on " + helper.socket() + "; its service manager starts it");
      }
      starter.startHelper();
      helper.reconnectNow();
      try {
        if (!helper.awaitConnected(Duration.ofSeconds(10))) {
          throw new IOException("it started but does not answer");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted");
      }
    }
    helper.requestStart();
  }

  private static String verb(Action a) {
    return a == Action.RESTART ? "restart" : a == Action.STOP ? "stop" : "start";
  }

  private static String past(Action a) {
    return a == Action.RESTART ? "Restarted" : a == Action.STOP ? "Stopped" : "Started";
  }

  /** A call to the helper that may fail. */
  @FunctionalInterface
  private interface HelperCall {
    void run() throws IOException;
  }

  ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
  ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
  ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
}
