package org.agentmon.usrtask.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The closed "Details" disclosure: the technical fields (fixed label column, each label level
 * with the first line of its value; values wrap between words, and one word too long for the
 * line, such as the instance id, is shortened in the middle, its whole self on hover and in the
 * value's Copy menu) and Copy diagnostics, which puts the status JSON and the last events on
 * the clipboard.
 */
final class DetailsView extends TitledPane {
  static final double LABEL_COLUMN = 130;
  private final StatusViewModel model;
  private final GridPane fields = new GridPane();
  private final Button copy = new Button("Copy diagnostics");
  private final Label copied = new Label();
  private final List<Label> values = new ArrayList<>();

  DetailsView(StatusViewModel model) {
    this.model = model;
    createView();
    bindModel();
  }

  private void createView() {
    setText("Details");
    setId("details");
    setExpanded(false);
    setAnimated(false);
    fields.setHgap(12);
    fields.setVgap(4);
    ColumnConstraints label = new ColumnConstraints(LABEL_COLUMN, LABEL_COLUMN, LABEL_COLUMN);
    ColumnConstraints value = new ColumnConstraints();
    value.setHgrow(Priority.ALWAYS);
    value.setFillWidth(true);
    fields.getColumnConstraints().addAll(label, value);
    copy.setId("copyDiagnostics");
    copied.setId("copied");
    copied.getStyleClass().add("secondary");
    javafx.scene.layout.HBox actions = new javafx.scene.layout.HBox(10, copy, copied);
    actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    setContent(new VBox(10, fields, actions));
  }

  private void bindModel() {
    model.details().addListener((ListChangeListener<Detail>) c -> refresh());
    refresh();
    copy.setOnAction(e -> model.diagnostics(text -> {
      ClipboardContent c = new ClipboardContent();
      c.putString(text);
      javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
      copied.setText("Copied — paste it into your message to support");
    }));
  }

  private void refresh() {
    List<Detail> now = model.details();
    if (values.size() == now.size()) { // the same rows: change the texts in place (uptime ticks every second)
      boolean same = true;
      for (int i = 0; i < now.size() && same; i++) {
        same = now.get(i).id().equals(values.get(i).getId());
      }
      if (same) {
        for (int i = 0; i < now.size(); i++) {
          show(values.get(i), now.get(i).value());
        }
        return;
      }
    }
    values.clear();
    fields.getChildren().clear();
    int row = 0;
    for (Detail d : model.details()) {
      Label key = new Label(d.label());
      key.getStyleClass().add("field-name");
      key.setMinWidth(LABEL_COLUMN);
      Label value = new Label();
      value.setId(d.id());
      value.setMaxWidth(Double.MAX_VALUE);
      value.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
      value.getStyleClass().add("field-value");
      MenuItem copyValue = new MenuItem("Copy");
      copyValue.setOnAction(e -> {
        ClipboardContent c = new ClipboardContent();
        c.putString(value.getText());
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
      });
      value.setContextMenu(new ContextMenu(copyValue));
      show(value, d.value());
      GridPane.setValignment(key, VPos.TOP);
      GridPane.setValignment(value, VPos.TOP);
      fields.addRow(row++, key, value);
      values.add(value);
    }
  }

  /** Wraps between words only: a value of one word stays on its line, its whole self on hover. */
  private static void show(Label value, String text) {
    value.setText(text);
    boolean words = text.strip().contains(" ");
    value.setWrapText(words);
    if (words) {
      value.setTooltip(null);
    } else if (value.getTooltip() == null || !text.equals(value.getTooltip().getText())) {
      value.setTooltip(new Tooltip(text));
    }
  }
}
