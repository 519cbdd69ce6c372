package org.agentmon.usrtask.ui;

import java.awt.AWTException;
import java.awt.CheckboxMenuItem;
import java.awt.EventQueue;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import javafx.application.Platform;
import org.agentmon.client.SocketPaths;
import org.agentmon.icons.Icons;
import org.agentmon.icons.TrayState;

/**
 * The tray (menu-bar) icon and its menu, through {@code java.awt.SystemTray}. Follows the model:
 * FX-thread changes are handed to the AWT thread, menu clicks back to the FX thread.
 */
final class TrayController {
  private final StatusModel model;
  private final boolean template = SocketPaths.isMac();
  private final TrayIcon icon;
  private final MenuItem restart = new MenuItem("Restart Helper");
  private final MenuItem stopStart = new MenuItem("Stop Helper");
  private final CheckboxMenuItem startAtLogin = new CheckboxMenuItem("Start at Login");
  private final int px;

  private TrayController(StatusModel model) {
    this.model = model;
    int want = SystemTray.getSystemTray().getTrayIconSize().height;
    this.px = Icons.traySizes(template).stream().min(Comparator.comparingInt(s -> Math.abs(s - want))).orElseThrow();
    this.icon = new TrayIcon(image(TrayState.UNREACHABLE), tooltip(TrayState.UNREACHABLE), createMenu());
    icon.setImageAutoSize(true);
    icon.addActionListener(e -> Platform.runLater(model::showStatus));
  }

  /**
   * Adds the icon to the system tray; call on the FX thread.
   *
   * @return the controller, or null when this desktop has no tray
   */
  static TrayController install(StatusModel model) {
    if (!SystemTray.isSupported()) {
      return null;
    }
    TrayController tray = new TrayController(model);
    try {
      SystemTray.getSystemTray().add(tray.icon);
    } catch (AWTException e) {
      return null; // the tray went away between the check and the add
    }
    tray.bindModel();
    return tray;
  }

  /** Takes the icon out of the tray. */
  void remove() {
    EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
  }

  private PopupMenu createMenu() {
    PopupMenu menu = new PopupMenu();
    MenuItem status = new MenuItem("Status…");
    MenuItem relaunch = new MenuItem("Relaunch UsrTask");
    MenuItem quit = new MenuItem("Quit UsrTask");
    status.addActionListener(e -> Platform.runLater(model::showStatus));
    restart.addActionListener(e -> Platform.runLater(model::restart));
    stopStart.addActionListener(e -> Platform.runLater(model::stopOrStart));
    startAtLogin.addItemListener(e -> {
      boolean on = startAtLogin.getState();
      Platform.runLater(() -> model.setStartAtLogin(on));
    });
    relaunch.addActionListener(e -> Platform.runLater(model::relaunch));
    quit.addActionListener(e -> Platform.runLater(model::quit));
    menu.add(status);
    menu.addSeparator();
    menu.add(restart);
    menu.add(stopStart);
    menu.addSeparator();
    menu.add(startAtLogin);
    menu.add(relaunch);
    menu.add(quit);
    return menu;
  }

  private void bindModel() {
    model.trayStateProperty().addListener(o -> refresh());
    model.canRestartProperty().addListener(o -> refresh());
    model.canStopOrStartProperty().addListener(o -> refresh());
    model.helperOffProperty().addListener(o -> refresh());
    model.startAtLoginProperty().addListener(o -> refresh());
    refresh();
  }

  /** Reads the model on the FX thread, applies it on the AWT thread. */
  private void refresh() {
    TrayState state = model.trayStateProperty().get();
    boolean canRestart = model.canRestartProperty().get();
    boolean canStopStart = model.canStopOrStartProperty().get();
    String stopStartLabel = model.helperOffProperty().get() ? "Start Helper" : "Stop Helper";
    boolean login = model.startAtLoginProperty().get();
    EventQueue.invokeLater(() -> {
      icon.setImage(image(state));
      icon.setToolTip(tooltip(state));
      restart.setEnabled(canRestart);
      stopStart.setLabel(stopStartLabel);
      stopStart.setEnabled(canStopStart);
      startAtLogin.setState(login);
    });
  }

  private BufferedImage image(TrayState state) {
    return Icons.trayImage(state, template, px);
  }

  private static String tooltip(TrayState state) {
    return "AgentMon: " + state.description();
  }
}
