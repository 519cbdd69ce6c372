package org.agentmon.usrtask.ui;

import java.io.IOException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.agentmon.icons.Icons;
import org.agentmon.usrtask.single.InstanceLock;

/**
 * The JavaFX application: wires the model into the status window and the tray. With a tray the
 * window hides on close; without one it is the main window and closing it quits. Quitting ends
 * UsrTask only, never the helper.
 */
public final class UsrTaskApp extends Application implements AppControl {
  private static volatile AppConfig config;
  private StatusModel model;
  private Stage stage;
  private TrayController tray;

  /**
   * Runs the UI until Quit; returns only if the toolkit cannot start.
   *
   * @param c what main wired up
   */
  public static void launch(AppConfig c) {
    config = c;
    Application.launch(UsrTaskApp.class);
  }

  @Override
  public void start(Stage primary) {
    AppConfig c = config;
    stage = primary;
    model = new StatusModel(c.socket(), c.loginItem(), this, c.starter());
    Scene scene = new Scene(new StatusView(model), 560, 580);
    scene.getStylesheets().add(UsrTaskApp.class.getResource("usrtask.css").toExternalForm());
    stage.setTitle("AgentMon");
    stage.setScene(scene);
    for (int px : new int[] {16, 32, 64, 128, 256}) {
      stage.getIcons().add(new Image(Icons.appIcon(px).toExternalForm()));
    }
    tray = c.noTray() ? null : TrayController.install(model);
    Platform.setImplicitExit(false);
    stage.setOnCloseRequest(e -> {
      if (tray == null) {
        quit();
      } else {
        e.consume();
        stage.hide();
      }
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
    model.start();
    System.out.println("UsrTask: " + (tray == null ? "no system tray here; the status window is the main window"
        : "tray icon added") + " (helper socket " + c.socket() + ")");
    if (tray == null || c.show()) {
      showStatus();
    }
  }

  @Override
  public void quit() {
    model.close();
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
    try {
      config.relaunch().start(); // the new instance asks this one to quit through the lock
    } catch (IOException e) {
      System.err.println("UsrTask: relaunch failed: " + e.getMessage());
    }
  }

  @Override
  public void showStatus() {
    stage.show();
    stage.toFront();
    System.out.println("UsrTask: status window shown");
  }
}
