package org.agentmon.usrtask.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The status view (the window): the header, the restart view, recent activity, the closed
 * Details disclosure, and Start at Login / Relaunch / Quit, so it also works as the main window
 * where there is no tray. Only the middle (activity and Details) gives way when the window is short.
 */
final class StatusView extends VBox {
  static final double WIDTH = 500;
  private final Models models;
  private final CheckBox startAtLogin = new CheckBox("Start at Login");
  private final Button relaunch = new Button("Relaunch");
  private final Button quit = new Button("Quit AgentMon");
  private final Label loginMessage = new Label();
  private final DetailsView details;

  StatusView(Models models) {
    this.models = models;
    this.details = new DetailsView(models.status());
    createView();
    bindModel();
  }

  private void createView() {
    getStyleClass().add("status-view");
    setSpacing(14);
    setPadding(new Insets(18));
    setPrefWidth(WIDTH);
    setMinWidth(Region.USE_PREF_SIZE);
    startAtLogin.setId("startAtLogin");
    relaunch.setId("relaunch");
    quit.setId("quit");
    loginMessage.setId("loginMessage");
    loginMessage.getStyleClass().add("problem");
    loginMessage.setWrapText(true);
    loginMessage.managedProperty().bind(loginMessage.visibleProperty());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox footer = new HBox(8, startAtLogin, gap, relaunch, quit);
    footer.setAlignment(Pos.CENTER_LEFT);
    // The middle gives way when space is short: first the list of recent activity, down to its first
    // row; then the middle scrolls. The header and the footer keep their height.
    ActivityView activity = new ActivityView(models.status());
    VBox.setVgrow(activity, Priority.ALWAYS);
    details.setMinHeight(Region.USE_PREF_SIZE);
    MiddlePane middle = new MiddlePane(new VBox(getSpacing(), activity, details));
    VBox.setVgrow(middle, Priority.ALWAYS);
    VBox.setMargin(middle, MiddlePane.margin());
    getChildren().addAll(new HeaderView(models.status()), new RestartView(models.status(), models.restart()),
        new Separator(), middle, new Separator(), footer, loginMessage);
    for (javafx.scene.Node n : getChildren()) {
      if (n != middle && n instanceof Region r) {
        r.setMinHeight(Region.USE_PREF_SIZE);
      }
    }
  }

  /** @return whether "Details" is open (the window fits itself again when it changes) */
  javafx.beans.property.ReadOnlyBooleanProperty detailsOpenProperty() {
    return details.expandedProperty();
  }

  private void bindModel() {
    StatusViewModel m = models.status();
    startAtLogin.setSelected(m.startAtLoginProperty().get());
    m.startAtLoginProperty().addListener((o, was, now) -> startAtLogin.setSelected(now));
    startAtLogin.setOnAction(e -> {
      boolean want = startAtLogin.isSelected();
      startAtLogin.setSelected(m.startAtLoginProperty().get()); // the box shows the disk, not the wish
      m.setStartAtLogin(want);
    });
    startAtLogin.disableProperty().bind(m.loginManagedProperty().isNotEmpty());
    loginMessage.textProperty().bind(m.loginMessageProperty());
    loginMessage.visibleProperty().bind(m.loginMessageProperty().isNotEmpty());
    relaunch.textProperty().bind(javafx.beans.binding.Bindings.when(models.quit().relaunchingProperty())
        .then("Relaunching…").otherwise("Relaunch"));
    relaunch.setOnAction(e -> models.quit().relaunch());
    quit.setOnAction(e -> QuitView.quit(getScene() == null ? null : getScene().getWindow(), models.quit()));
  }
}
