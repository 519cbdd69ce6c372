package org.agentmon.usrtask.ui;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/**
 * The app's one timer, for what must happen later without an event from the helper: the window's
 * once-a-second refresh (uptime, "2 min ago") while it is shown, and a single wake-up when time
 * alone changes what the tray shows. One daemon thread that waits without a timeout while nothing
 * is scheduled, so a hidden, connected app wakes for nothing; {@link #pending()} says so, for tests
 * and the footprint bench. Not a JavaFX {@code Timeline}: a running animation keeps the FX pulse
 * (and its rendering checks) going 60 times a second, even with every window hidden.
 */
final class Ticker {
  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "agentmon-ticker");
    t.setDaemon(true);
    return t;
  });

  Ticker() {
    timer.setRemoveOnCancelPolicy(true); // a cancelled tick leaves the queue at once: pending() stays true
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /**
   * Runs {@code onFx} on the FX thread every {@code period}, the first time after one period;
   * nothing once {@link #close()}d.
   *
   * @return cancels it
   */
  Runnable every(Duration period, Runnable onFx) {
    if (timer.isShutdown()) {
      return () -> { }; // closed with the app's models: a window still listening schedules nothing
    }
    long ms = Math.max(1, period.toMillis());
    return cancelling(timer.scheduleAtFixedRate(() -> Platform.runLater(onFx), ms, ms, TimeUnit.MILLISECONDS));
  }

  /**
   * Runs {@code onFx} once on the FX thread after {@code delay}.
   *
   * @return cancels it
   */
  Runnable once(Duration delay, Runnable onFx) {
    if (timer.isShutdown()) {
      return () -> { };
    }
    return cancelling(timer.schedule(() -> Platform.runLater(onFx), Math.max(0, delay.toMillis()),
        TimeUnit.MILLISECONDS));
  }

  /** @return how many runs are scheduled (periodic ones count once); 0 means this app waits on nothing */
  int pending() {
    return timer.getQueue().size();
  }

  /** Cancels everything and ends the thread. */
  void close() {
    timer.shutdownNow();
  }

  private static Runnable cancelling(ScheduledFuture<?> f) {
    return () -> f.cancel(false);
  }
}
