package org.agentmon.usrtask.bench;

import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The baseline of the footprint bench: the least a JavaFX menu-bar app can be. A hidden stage, an
 * AWT {@code SystemTray} icon whose action shows the stage, and the same two marker lines the app
 * prints ("tray icon added", "status window shown"). The bench runs it with the app's JVM flags.
 */
public final class TrayHelloWorld {
  /** The stage's title, which the bench looks for. */
  public static final String TITLE = "Hello tray";

  private TrayHelloWorld() {}

  /** @param args none */
  public static void main(String[] args) {
    java.awt.Toolkit.getDefaultToolkit(); // AWT first, as the app does
    Application.launch(App.class, args);
  }

  /** The JavaFX side; a separate class so that {@code java -cp} needs no JavaFX module check. */
  public static final class App extends Application {
    @Override
    public void start(Stage stage) {
      Platform.setImplicitExit(false);
      stage.setTitle(TITLE);
      stage.setScene(new Scene(new Label("Hello from the tray"), 460, 360));
      EventQueue.invokeLater(() -> {
        try {
          BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
          Graphics2D g = img.createGraphics();
          g.setColor(Color.GREEN);
          g.fillOval(1, 1, 14, 14);
          g.dispose();
          TrayIcon icon = new TrayIcon(img, TITLE);
          icon.addActionListener(e -> Platform.runLater(() -> {
            stage.show();
            System.out.println("status window shown");
          }));
          SystemTray.getSystemTray().add(icon);
          System.out.println("tray icon added");
        } catch (java.awt.AWTException | UnsupportedOperationException e) {
          System.out.println("no tray: " + e);
        }
      });
    }
  }
}
