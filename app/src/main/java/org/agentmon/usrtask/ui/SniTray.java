package org.agentmon.usrtask.ui;

import dorkbox.systemTray.Checkbox;
import dorkbox.systemTray.MenuItem;
import dorkbox.systemTray.Separator;
import dorkbox.systemTray.SystemTray;
import java.awt.Point;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.agentmon.icons.Icons;
import org.agentmon.icons.TrayState;
import org.agentmon.usrtask.present.Presentation;
import org.agentmon.usrtask.single.UserDirs;

/**
 * The tray as a StatusNotifierItem, through dorkbox SystemTray and libayatana-appindicator3: what
 * GNOME (AppIndicator extension) and KDE Plasma show. The same menu as {@link TrayMenu}, its first
 * line the header's sentence. dorkbox is set up before its first use so that it never phones home
 * (its update check), never installs GNOME Shell extensions (the tray type is fixed, not guessed)
 * and keeps its icon files in this user's private runtime directory, not in a shared /tmp. All
 * dorkbox calls run in order on one thread of their own; menu clicks go to the FX thread.
 */
final class SniTray implements Tray {
  private static final ExecutorService DORKBOX = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "agentmon-sni-tray");
    t.setDaemon(true);
    return t;
  });
  private final SystemTray tray;
  private final int px;
  private final MenuItem restart;
  private final MenuItem stopStart;
  private final Checkbox startAtLogin;
  private volatile boolean helperOff;

  private SniTray(SystemTray tray, TrayMenu.Actions actions) {
    this.tray = tray;
    int want = tray.getTrayImageSize();
    this.px = Icons.traySizes(false).stream().min(Comparator.comparingInt(s -> Math.abs(s - want))).orElseThrow();
    tray.setImage(Icons.trayImage(TrayState.WORKING, false, px));
    tray.setStatus("Looking for AgentMon…");
    restart = new MenuItem("Restart AgentMon", e -> Platform.runLater(actions::restart));
    stopStart = new MenuItem("Stop AgentMon", e -> {
      boolean start = helperOff;
      Platform.runLater(() -> actions.stopOrStart(start));
    });
    startAtLogin = new Checkbox("Start at Login", null);
    startAtLogin.setCallback(e -> { // dorkbox calls it for clicks only, with the box already flipped
      boolean on = startAtLogin.getChecked();
      Platform.runLater(() -> actions.setStartAtLogin(on));
    });
    var menu = tray.getMenu();
    menu.add(new Separator());
    menu.add(new MenuItem("Open AgentMon…", e -> Platform.runLater(actions::open)));
    menu.add(restart);
    menu.add(stopStart);
    menu.add(new Separator());
    menu.add(startAtLogin);
    menu.add(new MenuItem("Relaunch", e -> Platform.runLater(actions::relaunch)));
    menu.add(new MenuItem("Quit AgentMon", e -> Platform.runLater(actions::quit)));
  }

  /**
   * Registers the item; the answer comes back on the FX thread.
   *
   * @param actions what the menu's items do
   * @param then gets the tray
   * @param otherwise runs (on the FX thread) when no StatusNotifierItem could be made, e.g. without
   *     libayatana-appindicator3
   */
  static void install(TrayMenu.Actions actions, Consumer<Tray> then, Runnable otherwise) {
    DORKBOX.execute(() -> {
      SniTray made = null;
      try {
        quietAndPrivate(UserDirs.runtimeDir("agentmon-tray"));
        SystemTray t = SystemTray.get("AgentMon");
        if (t != null && t.getType() == SystemTray.TrayType.AppIndicator) {
          made = new SniTray(t, actions);
        } else if (t != null) {
          t.shutdown(); // dorkbox fell back to a tray of its own; AWT's is the tested one
        }
      } catch (IOException | RuntimeException | LinkageError e) {
        System.err.println("AgentMon: no StatusNotifierItem tray (" + e + "); using the AWT tray");
      }
      SniTray result = made;
      Platform.runLater(result != null ? () -> then.accept(result) : otherwise);
    });
  }

  /**
   * Before dorkbox's first use: no update check, no guessing (which may install GNOME Shell
   * extensions), its files in {@code iconDir}. The app's own {@code java.io.tmpdir} is left as launched.
   *
   * @param iconDir a directory only this user can write
   * @throws IllegalStateException if dorkbox was loaded earlier and already chose another directory
   */
  static void quietAndPrivate(Path iconDir) {
    System.setProperty("dorkbox.updates.Updates.ENABLE", "false");
    dorkbox.updates.Updates.INSTANCE.setENABLE(false);
    // dorkbox writes the icon files it hands to the panel under OS.TEMP_DIR, which it reads once from
    // java.io.tmpdir when its OS class loads: point the property at ours for that moment only.
    String launched = System.getProperty("java.io.tmpdir");
    java.io.File used;
    try {
      System.setProperty("java.io.tmpdir", iconDir.toString());
      used = dorkbox.os.OS.INSTANCE.getTEMP_DIR();
    } finally {
      System.setProperty("java.io.tmpdir", launched);
    }
    if (!used.equals(iconDir.toFile().getAbsoluteFile())) {
      throw new IllegalStateException("the tray's icon files would go to " + used + ", not " + iconDir);
    }
    SystemTray.FORCE_TRAY_TYPE = SystemTray.TrayType.AppIndicator;
    SystemTray.AUTO_FIX_INCONSISTENCIES = false;
    SystemTray.ENABLE_ROOT_CHECK = false; // its check only guesses at dbus trouble; the watcher has answered
  }

  @Override
  public void show(Presentation p, boolean startAtLogin, boolean loginManaged) {
    TrayMenu.Shown s = TrayMenu.Shown.of(p, startAtLogin, loginManaged);
    TrayState state = p.icon();
    DORKBOX.execute(() -> {
      String before = tray.getStatus();
      tray.setImage(Icons.trayImage(state, false, px));
      tray.setStatus(s.line());
      restart.setEnabled(s.canRestart());
      stopStart.setText(s.stopStartLabel());
      stopStart.setEnabled(s.canStopStart());
      helperOff = s.helperOff();
      this.startAtLogin.setChecked(s.startAtLogin());
      this.startAtLogin.setEnabled(!s.loginManaged());
      if (!s.line().equals(before)) {
        System.out.println("AgentMon: tray menu now: " + TrayMenu.labels(s));
      }
    });
  }

  /** A StatusNotifierItem cannot pop up a message, so this hint is only in the log there. */
  @Override
  public void tellStillRunning() {
    System.out.println("AgentMon: the window is closed; AgentMon stays in the menu bar");
  }

  @Override
  public Point lastClick() {
    return null; // the panel does not say where the item is
  }

  @Override
  public void remove() {
    DORKBOX.execute(tray::shutdown);
  }
}
