package org.agentmon.usrtask.ui;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.Image;
import java.awt.Point;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BaseMultiResolutionImage;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.agentmon.icons.Icons;
import org.agentmon.icons.TrayState;
import org.agentmon.usrtask.present.Presentation;

/**
 * The tray (menu-bar) icon and its menu through {@code java.awt.SystemTray} (macOS, XEmbed panels). Everything AWT runs
 * on the AWT event thread (JavaFX and AWT deadlock on macOS otherwise); the FX thread only reads
 * the models and hands a {@link TrayMenu.Shown} over. Menu clicks go back to the FX thread.
 */
final class TrayController implements Tray {
  private final boolean template = org.agentmon.platform.Platform.onMac();
  private final TrayMenu menu;
  private final TrayIcon icon;
  private final int px;
  private volatile Point lastClick;

  /** AWT thread. */
  private TrayController(TrayMenu menu) {
    this.menu = menu;
    int want = SystemTray.getSystemTray().getTrayIconSize().height;
    this.px = Icons.traySizes(template).stream().min(Comparator.comparingInt(s -> Math.abs(s - want))).orElseThrow();
    this.icon = new TrayIcon(image(TrayState.WORKING), null, menu.popup());
    icon.setImageAutoSize(true);
    icon.addMouseListener(new MouseAdapter() {
      @Override
      public void mousePressed(MouseEvent e) {
        lastClick = e.getLocationOnScreen();
      }
    });
    icon.addActionListener(e -> Platform.runLater(menu.actions()::open));
  }

  /**
   * Adds the icon to the system tray on the AWT thread; the answer comes back on the FX thread.
   *
   * @param actions what the menu's items do
   * @param then gets the controller, or null when this desktop has no tray
   */
  static void install(TrayMenu.Actions actions, Consumer<Tray> then) {
    EventQueue.invokeLater(() -> {
      TrayController tray = null;
      if (SystemTray.isSupported()) {
        try {
          tray = new TrayController(new TrayMenu(actions));
          SystemTray.getSystemTray().add(tray.icon);
        } catch (AWTException e) {
          tray = null; // the tray went away between the check and the add
        }
      }
      TrayController result = tray;
      Platform.runLater(() -> then.accept(result));
    });
  }

  /** Shows the models' state; call on the FX thread. */
  @Override
  public void show(Presentation p, boolean startAtLogin, boolean loginManaged) {
    TrayMenu.Shown shown = TrayMenu.Shown.of(p, startAtLogin, loginManaged);
    EventQueue.invokeLater(() -> {
      icon.setImage(image(p.icon()));
      // macOS hides a status item's tooltip while its menu is open; XEmbed panels draw it over the
      // menu's first line, which already says the same.
      icon.setToolTip(template ? p.sentence() : null);
      String before = menu.labelsNow().get(0);
      menu.show(shown);
      if (!before.equals(shown.line())) {
        System.out.println("AgentMon: tray menu now: " + menu.labelsNow());
      }
    });
  }

  /** Says once, as a notification, that the app stays in the menu bar when its window closes. */
  @Override
  public void tellStillRunning() {
    EventQueue.invokeLater(() -> icon.displayMessage("AgentMon is still running",
        "It stays in the menu bar. Open it again from the AgentMon icon.", TrayIcon.MessageType.INFO));
  }

  /** @return where the icon was last clicked, on screen, or null */
  @Override
  public Point lastClick() {
    return lastClick;
  }

  /** Takes the icon out of the tray. */
  @Override
  public void remove() {
    EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
  }

  /** 1x and 2x in one image, so Retina menu bars and HiDPI panels draw it sharp. */
  private Image image(TrayState state) {
    List<Integer> sizes = Icons.traySizes(template);
    int twice = sizes.contains(px * 2) ? px * 2 : sizes.get(sizes.size() - 1);
    return new BaseMultiResolutionImage(Icons.trayImage(state, template, px), Icons.trayImage(state, template, twice));
  }
}
