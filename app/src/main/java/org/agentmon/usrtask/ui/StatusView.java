package org.agentmon.usrtask.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The status window's content: banners, every status field, and the same actions as the tray
 * menu as buttons (so it also works as the main window where there is no tray).
 */
final class StatusView extends VBox {
  private final StatusModel model;
  private final VBox banners = new VBox(4);
  private final GridPane fields = new GridPane();
  private final Button restart = new Button("Restart Helper");
  private final Button stopStart = new Button("Stop Helper");
  private final CheckBox startAtLogin = new CheckBox("Start at Login");
  private final Button relaunch = new Button("Relaunch UsrTask");
  private final Button quit = new Button("Quit UsrTask");

  StatusView(StatusModel model) {
    this.model = model;
    createView();
    bindModel();
  }

  private void createView() {
    setSpacing(10);
    setPadding(new Insets(14));
    getStyleClass().add("status-view");
    fields.setHgap(14);
    fields.setVgap(4);
    restart.setId("restart");
    stopStart.setId("stopStart");
    startAtLogin.setId("startAtLogin");
    relaunch.setId("relaunch");
    quit.setId("quit");
    HBox helperActions = new HBox(8, restart, stopStart);
    HBox appActions = new HBox(8, startAtLogin, relaunch, quit);
    appActions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    getChildren().addAll(banners, fields, helperActions, appActions);
  }

  private void bindModel() {
    banner("banner", "banner-warning", model.bannerProperty());
    banner("mismatch", "banner-warning", model.mismatchProperty());
    banner("readOnly", "banner-info", model.readOnlyReasonProperty());
    banner("notice", "banner-info", model.noticeProperty());
    banner("message", "banner-info", model.messageProperty());
    field("State", "state", model.stateProperty());
    field("Version", "version", model.versionProperty());
    field("PID", "pid", model.pidProperty());
    field("Instance", "instanceId", model.instanceIdProperty());
    field("Uptime", "uptime", model.uptimeProperty());
    field("Socket source", "socketSource", model.socketSourceProperty());
    field("Enabled", "enabled", model.enabledProperty());
    field("Connected clients", "clients", model.clientsProperty());
    field("Last restart", "lastRestart", model.lastRestartProperty());
    field("Last exit", "lastExit", model.lastExitProperty());
    field("Upstream", "upstream", model.upstreamProperty());
    field("Upstream last", "upstreamLast", model.upstreamLastProperty());
    field("Event spool", "spool", model.spoolProperty());
    field("Recent events", "recentEvents", model.recentEventsProperty());

    restart.disableProperty().bind(model.canRestartProperty().not());
    restart.setOnAction(e -> model.restart());
    stopStart.textProperty().bind(Bindings.when(model.helperOffProperty()).then("Start Helper").otherwise("Stop Helper"));
    stopStart.disableProperty().bind(model.canStopOrStartProperty().not());
    stopStart.setOnAction(e -> model.stopOrStart());
    startAtLogin.setSelected(model.startAtLoginProperty().get());
    model.startAtLoginProperty().addListener((o, was, now) -> startAtLogin.setSelected(now));
    startAtLogin.setOnAction(e -> model.setStartAtLogin(startAtLogin.isSelected()));
    relaunch.setOnAction(e -> model.relaunch());
    quit.setOnAction(e -> model.quit());
  }

  private void banner(String id, String style, ReadOnlyStringProperty text) {
    Label l = new Label();
    l.setId(id);
    l.setWrapText(true);
    l.getStyleClass().addAll("banner", style);
    l.textProperty().bind(text);
    l.visibleProperty().bind(text.isNotNull().and(text.isNotEmpty()));
    l.managedProperty().bind(l.visibleProperty());
    banners.getChildren().add(l);
  }

  private void field(String name, String id, ReadOnlyStringProperty value) {
    int row = fields.getRowCount();
    Label key = new Label(name);
    key.getStyleClass().add("field-name");
    Label v = new Label();
    v.setId(id);
    v.textProperty().bind(value);
    fields.addRow(row, key, v);
  }
}
