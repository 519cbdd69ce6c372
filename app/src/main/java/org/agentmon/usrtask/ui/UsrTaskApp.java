package org.agentmon.usrtask.ui;

import java.io.IOException;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.agentmon.usrtask.live.HelperLink;
import org.agentmon.usrtask.single.InstanceLock;

/**
 * The JavaFX application: wires the three views' models into the status window and the tray.
 * With a tray the window hides on close; without one it is the main window and closing it quits.
 * Quitting ends this app only, never the helper.
 */
public final class UsrTaskApp extends Application implements AppControl {
  static final String WINDOW_X = "relaunch.windowX";
  static final String WINDOW_Y = "relaunch.windowY";
  private static volatile AppConfig config;
  private Models models;
  /** Made when first shown: a hidden app holds no scene graph, skins or parsed style sheets. */
  private StatusWindow window;
  private Stage primary;
  private Tray tray;
  private UserSettings settings;

  /**
   * Runs the UI until Quit; returns only if the toolkit cannot start.
   *
   * @param c what main wired up
   */
  public static void launch(AppConfig c) {
    config = c;
    if (!c.noTray()) {
      java.awt.Toolkit.getDefaultToolkit(); // AWT before JavaFX: on macOS the other order can deadlock the tray
    }
    PulseRate.choose(org.agentmon.platform.Platform.onMac());
    Application.launch(UsrTaskApp.class);
  }

  @Override
  public void start(Stage primary) {
    AppConfig c = config;
    boolean mac = org.agentmon.platform.Platform.onMac();
    Theme.Choice theme = Theme.Choice.parse(c.theme());
    Theme.apply(mac, theme == Theme.Choice.SYSTEM ? SystemTheme.prefersDark(mac) : theme == Theme.Choice.DARK);
    if (theme == Theme.Choice.SYSTEM && !mac) {
      SystemTheme.watch(dark -> Platform.runLater(() -> Theme.apply(false, dark)));
    }
    settings = UserSettings.forCurrentUser();
    models = new Models(new HelperLink(c.socket()), c.loginItem(), this, c.starter(), settings,
        SupportContact.fromPreferences());
    this.primary = primary;
    Platform.setImplicitExit(false);
    primary.setOnCloseRequest(e -> {
      e.consume();
      hideStatus();
    });
    if (c.lock() != null) {
      c.lock().onMessage(m -> Platform.runLater(() -> {
        if (InstanceLock.QUIT.equals(m)) {
          quit();
        } else {
          showStatus();
        }
      }));
    }
    models.start();
    if (c.noTray()) {
      trayReady(null);
    } else {
      Tray.install(trayActions(), this::trayReady);
    }
  }

  private void trayReady(Tray t) {
    tray = t;
    System.out.println("AgentMon: " + (tray == null ? "no system tray here; the status window is the main window"
        : "tray icon added") + " (helper socket " + config.socket() + ")");
    if (tray != null) {
      StatusViewModel s = models.status();
      Runnable show = () -> tray.show(s.presentationProperty().get(), s.startAtLoginProperty().get(),
          !s.loginManagedProperty().get().isEmpty());
      s.presentationProperty().addListener(o -> show.run());
      s.startAtLoginProperty().addListener(o -> show.run());
      s.loginManagedProperty().addListener(o -> show.run());
      show.run();
    }
    if (tray == null || config.show()) {
      showStatus();
    }
  }

  private TrayMenu.Actions trayActions() {
    return new TrayMenu.Actions() {
      @Override public void open() { showStatus(); }
      @Override public void restart() { models.restart().restart(); }
      @Override public void stopOrStart(boolean start) {
        if (start) {
          models.restart().start();
        } else {
          StopConfirmation.ask(shownStage(), models.restart()::stop);
        }
      }
      @Override public void setStartAtLogin(boolean on) { models.status().setStartAtLogin(on); }
      @Override public void relaunch() { models.quit().relaunch(); }
      @Override public void quit() { QuitView.quit(shownStage(), models.quit()); }
    };
  }

  /** Esc, Ctrl/Cmd+W and the close box: hide (the app stays in the menu bar); without a tray, quit. */
  private void hideStatus() {
    if (tray == null) {
      QuitView.quit(primary, models.quit());
      return;
    }
    if (window != null) {
      window.hide();
    }
    new CloseHint(settings, tray::tellStillRunning).windowHidden();
  }

  @Override
  public void quit() {
    models.close();
    if (tray != null) {
      tray.remove();
    }
    if (config.lock() != null) {
      config.lock().close();
    }
    Platform.exit();
    System.exit(0); // AWT's tray threads would keep the JVM alive
  }

  @Override
  public void relaunch() {
    if (shownStage() != null) { // the new instance opens its window where this one is
      settings.setNumber(WINDOW_X, window.stage().getX());
      settings.setNumber(WINDOW_Y, window.stage().getY());
    }
    try {
      config.relaunch().start(shownStage() != null); // the new one asks this one to quit through the lock
    } catch (IOException e) {
      System.err.println("AgentMon: relaunch failed: " + e.getMessage());
    }
  }

  /** @return the status window's stage while it is shown, else null */
  private Stage shownStage() {
    return window != null && window.isShowing() ? window.stage() : null;
  }

  @Override
  public void showStatus() {
    if (window == null) {
      window = new StatusWindow(primary, models, this::hideStatus);
    }
    window.show(tray == null ? null : tray.lastClick(), settings.number(WINDOW_X), settings.number(WINDOW_Y));
    if (!Double.isNaN(settings.number(WINDOW_X))) { // used once: later opens go near the tray again
      settings.setNumber(WINDOW_X, Double.NaN);
      settings.setNumber(WINDOW_Y, Double.NaN);
    }
    System.out.println("AgentMon: status window shown at " + Instant.now());
  }
}
