package org.agentmon.usrtask.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The closed "Details" disclosure: the technical fields (fixed label column, values wrap) and
 * Copy diagnostics, which puts the status JSON and the last events on the clipboard.
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
          values.get(i).setText(now.get(i).value());
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
      Label value = new Label(d.value());
      value.setId(d.id());
      value.setWrapText(true);
      value.setMaxWidth(Double.MAX_VALUE);
      value.getStyleClass().add("field-value");
      fields.addRow(row++, key, value);
      values.add(value);
    }
  }
}
