package org.agentmon.usrtask.ui;

import java.awt.CheckboxMenuItem;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.util.List;
import javafx.application.Platform;
import org.agentmon.usrtask.present.Presentation;

/**
 * The tray menu, in the order: the status line (disabled, the header's sentence), Open
 * AgentMon…, Restart AgentMon, Stop/Start AgentMon, then Start at Login, Relaunch, Quit AgentMon.
 * Built and changed on the AWT thread only.
 */
final class TrayMenu {
  private final Actions actions;
  private final PopupMenu popup = new PopupMenu();
  private final MenuItem status = new MenuItem("Looking for AgentMon…");
  private final MenuItem restart = new MenuItem("Restart AgentMon");
  private final MenuItem stopStart = new MenuItem("Stop AgentMon");
  private final CheckboxMenuItem startAtLogin = new CheckboxMenuItem("Start at Login");
  private boolean helperOff;

  /** What the items do; each runs on the FX thread. */
  interface Actions {
    void open();

    void restart();

    void stopOrStart(boolean start);

    void setStartAtLogin(boolean on);

    void relaunch();

    void quit();
  }

  /**
   * What the menu shows, read on the FX thread and handed to the AWT thread.
   *
   * @param line the status line
   * @param stopStartLabel "Stop AgentMon" or "Start AgentMon"
   * @param helperOff whether Stop/Start starts
   * @param canRestart Restart enabled
   * @param canStopStart Stop/Start enabled
   * @param startAtLogin the box
   * @param loginManaged whether an organization manages Start at Login (the item is then disabled)
   */
  record Shown(String line, String stopStartLabel, boolean helperOff, boolean canRestart, boolean canStopStart,
      boolean startAtLogin, boolean loginManaged) {
    static Shown of(Presentation p, boolean startAtLogin, boolean loginManaged) {
      return new Shown(p.sentence(), p.stopOrStart().label(), p.helperOff(), p.canRestart(), p.canStopOrStart(),
          startAtLogin, loginManaged);
    }
  }

  TrayMenu(Actions actions) {
    this.actions = actions;
    MenuItem open = new MenuItem("Open AgentMon…");
    MenuItem relaunch = new MenuItem("Relaunch");
    MenuItem quit = new MenuItem("Quit AgentMon");
    status.setEnabled(false);
    open.addActionListener(e -> Platform.runLater(actions::open));
    restart.addActionListener(e -> Platform.runLater(actions::restart));
    stopStart.addActionListener(e -> {
      boolean start = helperOff;
      Platform.runLater(() -> actions.stopOrStart(start));
    });
    startAtLogin.addItemListener(e -> {
      boolean on = startAtLogin.getState();
      Platform.runLater(() -> actions.setStartAtLogin(on));
    });
    relaunch.addActionListener(e -> Platform.runLater(actions::relaunch));
    quit.addActionListener(e -> Platform.runLater(actions::quit));
    MenuItem[] inOrder = {status, null, open, restart, stopStart, null, startAtLogin, relaunch, quit};
    for (MenuItem item : inOrder) {
      if (item == null) {
        popup.addSeparator();
      } else {
        popup.add(item);
      }
    }
  }

  /**
   * The menu's labels in order ("-" a separator), as {@link #show} leaves them: what a test and a
   * screen reader see.
   *
   * @param s what is shown
   * @return the labels
   */
  static List<String> labels(Shown s) {
    return List.of(s.line(), "-", "Open AgentMon…", "Restart AgentMon", s.stopStartLabel(), "-", "Start at Login",
        "Relaunch", "Quit AgentMon");
  }

  /** @return the labels the menu really shows now (AWT thread) */
  List<String> labelsNow() {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < popup.getItemCount(); i++) {
      out.add(popup.getItem(i).getLabel());
    }
    return out;
  }

  PopupMenu popup() {
    return popup;
  }

  Actions actions() {
    return actions;
  }

  /** AWT thread. */
  void show(Shown s) {
    status.setLabel(s.line());
    restart.setEnabled(s.canRestart());
    stopStart.setLabel(s.stopStartLabel());
    stopStart.setEnabled(s.canStopStart());
    helperOff = s.helperOff();
    startAtLogin.setState(s.startAtLogin());
    startAtLogin.setEnabled(!s.loginManaged());
  }
}
