package org.agentmon.usrtask.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.agentmon.usrtask.present.RelativeTime;

/**
 * "Recent activity": the last events in words with relative times, the exact time on hover. The list
 * is as tall as its first few rows are at the width it is given (a long event wraps onto more lines);
 * more rows scroll.
 */
final class ActivityView extends VBox {
  /** How many rows are shown whole before the list scrolls. */
  private static final int SHOWN = 5;
  private final StatusViewModel model;
  private final VBox rows = new VBox(4);
  private final ScrollPane scroll = new FirstRows(rows);
  private final java.util.List<Label> times = new java.util.ArrayList<>();

  ActivityView(StatusViewModel model) {
    this.model = model;
    createView();
    bindModel();
  }

  private void createView() {
    setSpacing(6);
    Label title = new Label("Recent activity");
    title.getStyleClass().add("section-title");
    rows.setId("activity");
    rows.getStyleClass().add("activity");
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("activity-scroll");
    scroll.setFocusTraversable(true);
    getChildren().addAll(title, scroll);
  }

  private void bindModel() {
    model.activity().addListener((ListChangeListener<Activity>) c -> refresh());
    // The ticker (while the window is shown): "2 min ago" moves on. Only the times change, so a tooltip being read stays up.
    model.nowProperty().addListener(o -> retime());
    refresh();
  }

  private void retime() {
    for (int i = 0; i < times.size() && i < model.activity().size(); i++) {
      Activity a = model.activity().get(i);
      times.get(i).setText(a.time() == null ? "" : RelativeTime.say(a.time(), model.now(), model.zone()));
    }
  }

  private void refresh() {
    rows.getChildren().clear();
    times.clear();
    if (model.activity().isEmpty()) {
      Label none = new Label("Nothing yet");
      none.getStyleClass().add("secondary");
      rows.getChildren().add(none);
    }
    for (Activity a : model.activity()) {
      Label text = new Label(a.text());
      text.setWrapText(true);
      text.getStyleClass().add("activity-text");
      Label when = new Label(a.time() == null ? "" : RelativeTime.say(a.time(), model.now(), model.zone()));
      when.getStyleClass().add("secondary");
      when.setMinWidth(Region.USE_PREF_SIZE);
      times.add(when);
      if (a.time() != null) {
        Tooltip exact = new Tooltip(RelativeTime.exact(a.time(), model.zone()));
        Tooltip.install(when, exact);
        when.setAccessibleHelp(exact.getText());
      }
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      HBox row = new HBox(10, text, gap, when);
      row.setAlignment(Pos.TOP_LEFT);
      rows.getChildren().add(row);
    }
  }

  /**
   * The list's scroll pane, as tall as its first {@link #SHOWN} rows at the width it is asked for.
   * Computed when asked, not remembered from a layout: a height written during a layout pass does not
   * reach the parents' remembered sizes, and a layout before the window has a width (text wrapped word
   * by word) kept the window 200 px too tall.
   */
  private static final class FirstRows extends ScrollPane {
    private final VBox rows;

    FirstRows(VBox rows) {
      super(rows);
      this.rows = rows;
    }

    @Override
    public Orientation getContentBias() {
      return Orientation.HORIZONTAL; // wrapped rows: the narrower, the taller
    }

    @Override
    protected double computePrefHeight(double width) {
      return rowsHeight(width, SHOWN);
    }

    /** When space is short: the first row. */
    @Override
    protected double computeMinHeight(double width) {
      return rowsHeight(width, 1);
    }

    private double rowsHeight(double width, int shown) {
      double w = width >= 0 ? width : getWidth() > 0 ? getWidth() : prefWidth(-1);
      int n = Math.min(shown, rows.getChildren().size());
      double inner = w - snappedLeftInset() - snappedRightInset() - rows.snappedLeftInset() - rows.snappedRightInset()
          - (rows.getChildren().size() > SHOWN ? verticalBarWidth() : 0);
      double h = rows.snappedTopInset() + rows.snappedBottomInset() + rows.getSpacing() * Math.max(0, n - 1);
      for (Node row : rows.getChildren().subList(0, n)) {
        h += rows.snapSizeY(row.prefHeight(inner));
      }
      return snappedTopInset() + Math.ceil(h) + snappedBottomInset();
    }

    /** The width the vertical scroll bar takes from the rows when there are more than fit. */
    private double verticalBarWidth() {
      return lookupAll(".scroll-bar").stream()
          .filter(b -> b instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL)
          .mapToDouble(b -> b.prefWidth(-1)).findFirst().orElse(0);
    }
  }
}
