package org.agentmon.usrtask.ui;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.agentmon.usrtask.live.Helper;
import org.agentmon.usrtask.live.HelperStarter;
import org.agentmon.usrtask.login.LoginItem;

/**
 * The three views' models over one helper link and one command thread: status, restart, quit.
 * The window, the tray and the tests all get the same instance.
 */
final class Models {
  private final ExecutorService commands = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "agentmon-commands");
    t.setDaemon(true);
    return t;
  });
  private final Ticker ticker = new Ticker();
  private final StatusViewModel status;
  private final RestartViewModel restart;
  private final QuitViewModel quit;

  /**
   * @param helper the helper link (a real {@code HelperLink}, or a scripted one in tests)
   * @param loginItem where Start at Login lives
   * @param app the running application
   * @param starter starts a helper when none runs (development mode), or null
   * @param settings this user's choices
   * @param supportContact whom read-only users should ask, or null
   */
  Models(Helper helper, LoginItem loginItem, AppControl app, HelperStarter starter, UserSettings settings,
      String supportContact) {
    this(helper, loginItem, app, starter, settings, supportContact, Instant::now, System::nanoTime);
  }

  /**
   * As above, with the clocks the views tell and measure time by (fixed ones make the screenshot
   * gallery the same on every run).
   *
   * @param clock the time of day
   * @param nanoTime what actions are timed with
   */
  Models(Helper helper, LoginItem loginItem, AppControl app, HelperStarter starter, UserSettings settings,
      String supportContact, Supplier<Instant> clock, LongSupplier nanoTime) {
    status = new StatusViewModel(helper, loginItem, commands, ticker, starter != null, supportContact, clock);
    restart = new RestartViewModel(status, starter, commands, nanoTime);
    quit = new QuitViewModel(app, settings);
  }

  /** Starts following the helper; FX thread. */
  void start() {
    status.start();
  }

  /** Stops following the helper, the command thread and the timer; the helper is left alone. */
  void close() {
    status.close();
    commands.shutdownNow();
    ticker.close();
  }

  /** @return the app's one timer (tests and the footprint bench read {@link Ticker#pending()}) */
  Ticker ticker() {
    return ticker;
  }

  StatusViewModel status() {
    return status;
  }

  RestartViewModel restart() {
    return restart;
  }

  QuitViewModel quit() {
    return quit;
  }
}
