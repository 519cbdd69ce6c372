package org.agentmon.usrtask.ui;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.agentmon.usrtask.present.RelativeTime;

/**
 * "Recent activity": the last events in words with relative times, the exact time on hover. The list
 * is as tall as its first few rows really are (a long event wraps onto more lines); more rows scroll.
 */
final class ActivityView extends VBox {
  /** How many rows are shown whole before the list scrolls. */
  private static final int SHOWN = 5;
  /** The height of one unwrapped row, until the rows have been laid out. */
  private static final double ROW = 26;
  private final StatusViewModel model;
  private final VBox rows = new VBox(4);
  private final ScrollPane scroll = new ScrollPane(rows);
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
    scroll.setPrefViewportHeight(ROW);
    scroll.setMinViewportHeight(ROW);
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
    // As tall as the rows up to SHOWN really are once laid out (wrapped text included), then it scrolls.
    Region last = (Region) rows.getChildren().get(Math.min(SHOWN, rows.getChildren().size()) - 1);
    last.boundsInParentProperty().addListener(o -> fitTo(last));
    fitTo(last);
  }

  /** Makes the visible part of the list end where {@code last} ends. */
  private void fitTo(Region last) {
    if (last.getParent() != rows) {
      return; // a row of an earlier refresh
    }
    double bottom = last.getBoundsInParent().getMaxY() + rows.snappedBottomInset();
    scroll.setPrefViewportHeight(last.getHeight() > 0 ? Math.ceil(bottom) : ROW * rows.getChildren().indexOf(last) + ROW);
  }
}
