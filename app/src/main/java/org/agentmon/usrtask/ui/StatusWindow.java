package org.agentmon.usrtask.ui;

import java.awt.Point;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.agentmon.icons.Icons;

/**
 * The status view's window: sized to its content when shown (with a minimum, so a window manager
 * never shrinks it to 200x200 with every label "…"), placed near the tray icon where the platform
 * tells us where that is, hidden by Esc and Ctrl/Cmd+W.
 */
final class StatusWindow {
  static final double MIN_WIDTH = 460;
  static final double MIN_HEIGHT = 360;
  /** The gap kept between the window and the edges of the screen's usable area. */
  private static final double EDGE = 8;
  private final Stage stage;
  private final StatusView view;
  /** The size fit() last gave the window; a different size means the user resized it. */
  private double fittedWidth = Double.NaN;
  private double fittedHeight = Double.NaN;
  /** The size fit() last asked for the content, inside any frame. */
  private double contentWidth = Double.NaN;
  private double contentHeight = Double.NaN;

  StatusWindow(Stage stage, Models models, Runnable onHide) {
    this.stage = stage;
    this.view = new StatusView(models);
    Scene scene = new Scene(view);
    Theme.addOurRules(scene);
    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), onHide);
    scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        e.consume();
        onHide.run();
      }
    });
    stage.setTitle("AgentMon");
    stage.setScene(scene);
    stage.setMinWidth(MIN_WIDTH);
    stage.setMinHeight(MIN_HEIGHT);
    for (int px : new int[] {16, 32, 64, 128, 256}) {
      stage.getIcons().add(new Image(Icons.appIcon(px).toExternalForm()));
    }
    models.status().tickWhile(stage.showingProperty()); // uptime and "2 min ago" move on only while shown
    // New content (a longer sentence, more activity) grows a shown window so nothing is cut; never shrinks it.
    models.status().presentationProperty().addListener(o -> javafx.application.Platform.runLater(this::grow));
    models.status().activity().addListener((javafx.collections.ListChangeListener<Activity>) c ->
        javafx.application.Platform.runLater(this::grow));
    // A window manager frames the window once shown, and the frame came off the content (25 px under
    // openbox) or, by JavaFX's own correction, on top of it: once the frame is there, fit again with it.
    scene.heightProperty().addListener(o -> javafx.application.Platform.runLater(this::fitAroundFrame));
    // Opening "Details" grows the window to fit it.
    view.detailsOpenProperty().addListener(o -> javafx.application.Platform.runLater(this::fit));
  }

  /**
   * Shows the window sized to its content, near {@code anchor} (the tray icon's last click) when
   * known, else where it was.
   */
  void show(Point anchor) {
    show(anchor, Double.NaN, Double.NaN);
  }

  /**
   * Shows the window; with no anchor at {@code x, y} when given (where it was before a relaunch).
   */
  void show(Point anchor, double x, double y) {
    if (anchor == null && !Double.isNaN(x) && !Double.isNaN(y) && !stage.isShowing()) {
      fit();
      stage.setX(x);
      stage.setY(y);
      stage.show();
      fit();
      stage.setX(x); // again: the window manager may have placed it itself
      stage.setY(y);
      return;
    }
    boolean first = !stage.isShowing() && Double.isNaN(stage.getX());
    fit();
    if (anchor != null) {
      placeNear(anchor.x, anchor.y);
    } else if (first) {
      placeAtTheTopRight(); // where menu bars and most panels keep their icons, not mid-screen
    }
    stage.show();
    fit(); // the window manager may have ignored the size asked before mapping
    if (anchor != null) {
      placeNear(anchor.x, anchor.y); // ...and the position (openbox places new windows itself)
    } else if (first) {
      placeAtTheTopRight();
    }
    stage.toFront();
    stage.requestFocus();
  }

  /** After a content change: fits again unless the user resized the window; then only grows it. */
  private void grow() {
    if (!stage.isShowing() || stage.getScene() == null) {
      return;
    }
    if (Math.abs(stage.getWidth() - fittedWidth) < 1 && Math.abs(stage.getHeight() - fittedHeight) < 1) {
      fit();
      return;
    }
    // At least the minimum width: while a window manager resizes, the scene can be briefly narrow,
    // and text wrapped at that width would ask for a window taller than the screen.
    double need = Math.min(view.prefHeight(Math.max(MIN_WIDTH, stage.getScene().getWidth())), mostContentHeight());
    if (need > stage.getScene().getHeight() + 0.5) {
      stage.setHeight(need + decorationHeight());
    }
  }

  /**
   * Fits again when the content is off the size fit() asked by exactly the frame: the frame taken from
   * it (asked before the window manager framed the window), or added twice (JavaFX corrects for the
   * frame itself when it learns its size, and which comes first varies). Also when the content, capped
   * before the frame was known, leaves the frame no room on the screen. A size set by hand is left.
   */
  private void fitAroundFrame() {
    Scene scene = stage.getScene();
    double frameWidth = stage.getWidth() - scene.getWidth();
    double frameHeight = stage.getHeight() - scene.getHeight();
    double offWidth = Math.abs(scene.getWidth() - contentWidth);
    double offHeight = Math.abs(scene.getHeight() - contentHeight);
    if (!stage.isShowing() || frameHeight <= 0) {
      return; // not framed (yet)
    }
    boolean offByTheFrame = Math.abs(offHeight - frameHeight) < 1
        && (offWidth < 1 || Math.abs(offWidth - frameWidth) < 1);
    boolean noRoomForTheFrame = offHeight < 1 && contentHeight > Math.max(MIN_HEIGHT, mostContentHeight()) + 0.5;
    if (offByTheFrame || noRoomForTheFrame) {
      fit();
    }
  }

  /**
   * Gives the content its preferred size (within the minimum and the screen's usable height, where the
   * middle scrolls) plus the frame, where known. Measured, not laid out: before the first show the root
   * has no width, and a layout at width 0 wraps every text word by word.
   */
  private void fit() {
    view.applyCss(); // skins and style sheets, so the sizes below are the real ones
    double w = Math.max(MIN_WIDTH, view.prefWidth(-1));
    // Never below the minimum (the window manager would enforce it anyway), unless the screen is too short for it.
    double room = usableArea(x(), y()).getHeight() - decorationHeight();
    double least = Math.min(MIN_HEIGHT, room);
    stage.setMinHeight(least);
    double h = Math.max(least, Math.min(mostContentHeight(), view.prefHeight(w)));
    stage.setWidth(w + decorationWidth());
    stage.setHeight(h + decorationHeight());
    contentWidth = w;
    contentHeight = h;
    fittedWidth = stage.getWidth();
    fittedHeight = stage.getHeight();
  }

  /**
   * The tallest the content may be: the window, frame included, within the usable height of the screen
   * it is on (below a top bar, above a bottom panel), a gap at either end. Taller content scrolls.
   */
  private double mostContentHeight() {
    return usableArea(x(), y()).getHeight() - 2 * EDGE - decorationHeight();
  }

  private double x() {
    return Double.isNaN(stage.getX()) ? 0 : stage.getX();
  }

  private double y() {
    return Double.isNaN(stage.getY()) ? 0 : stage.getY();
  }

  /** @return the usable area of the screen that holds the point, else of the primary screen */
  private static Rectangle2D usableArea(double x, double y) {
    return Screen.getScreensForRectangle(x, y, 1, 1).stream().findFirst().orElse(Screen.getPrimary())
        .getVisualBounds();
  }

  private double decorationWidth() {
    return stage.getScene() == null || Double.isNaN(stage.getWidth()) || stage.getScene().getWidth() == 0 ? 0
        : Math.max(0, stage.getWidth() - stage.getScene().getWidth());
  }

  private double decorationHeight() {
    return stage.getScene() == null || Double.isNaN(stage.getHeight()) || stage.getScene().getHeight() == 0 ? 0
        : Math.max(0, stage.getHeight() - stage.getScene().getHeight());
  }

  /** Near the point, inside the screen's usable area: below a top bar, above a bottom panel. */
  private void placeNear(double x, double y) {
    Rectangle2D area = usableArea(x, y);
    double w = stage.getWidth();
    double h = stage.getHeight();
    double left = Math.min(Math.max(area.getMinX(), x - w / 2), area.getMaxX() - w);
    double top = y < area.getMinY() + area.getHeight() / 2 ? area.getMinY() + EDGE : area.getMaxY() - h - EDGE;
    stage.setX(left);
    stage.setY(inside(area, top));
  }

  /** @return {@code y}, or nearer the top when the window would reach below the area (then the gap goes first) */
  private double inside(Rectangle2D area, double y) {
    return Math.max(area.getMinY(), Math.min(y, area.getMaxY() - stage.getHeight()));
  }

  private void placeAtTheTopRight() {
    Rectangle2D area = Screen.getPrimary().getVisualBounds();
    stage.setX(area.getMaxX() - stage.getWidth() - EDGE);
    stage.setY(inside(area, area.getMinY() + EDGE));
  }

  void hide() {
    stage.hide();
  }

  boolean isShowing() {
    return stage.isShowing();
  }

  Stage stage() {
    return stage;
  }
}
