package org.agentmon.usrtask.ui;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.agentmon.icons.Icons;
import org.agentmon.icons.TrayState;
import org.agentmon.usrtask.present.Presentation;

/** The status view's header: the app icon, the one sentence and the secondary line. */
final class HeaderView extends HBox {
  private final StatusViewModel model;
  private final Label sentence = new Label();
  private final Label secondary = new Label();
  /** The tray icon's state drawn on the app icon: shape and colour, the same as the menu bar's. */
  private final ImageView badge = new ImageView();

  HeaderView(StatusViewModel model) {
    this.model = model;
    createView();
    bindModel();
  }

  private void createView() {
    getStyleClass().add("header");
    setSpacing(14);
    setMinHeight(Region.USE_PREF_SIZE);
    setAlignment(Pos.CENTER_LEFT);
    ImageView icon = new ImageView(new Image(Icons.appIcon(128).toExternalForm(), 48, 48, true, true));
    icon.setAccessibleText("AgentMon");
    badge.setId("stateBadge");
    StackPane icons = new StackPane(icon, badge);
    StackPane.setAlignment(badge, Pos.BOTTOM_RIGHT);
    icons.setMinSize(56, 56);
    icons.setMaxSize(56, 56);
    sentence.setId("sentence");
    sentence.getStyleClass().add("sentence");
    sentence.setWrapText(true);
    sentence.setMinHeight(Region.USE_PREF_SIZE); // wraps; never cut to "…"
    secondary.setId("secondary");
    secondary.getStyleClass().add("secondary");
    secondary.setWrapText(true);
    secondary.setMinHeight(Region.USE_PREF_SIZE);
    VBox words = new VBox(2, sentence, secondary);
    words.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(words, Priority.ALWAYS);
    words.setMaxWidth(Double.MAX_VALUE);
    setAccessibleRole(AccessibleRole.TEXT);
    getChildren().addAll(icons, words);
  }

  private void bindModel() {
    model.presentationProperty().addListener((o, was, now) -> show(now));
    show(model.presentationProperty().get());
  }

  private void show(Presentation p) {
    sentence.setText(p.sentence());
    secondary.setText(p.secondary());
    secondary.setVisible(!p.secondary().isEmpty());
    secondary.setManaged(!p.secondary().isEmpty());
    setAccessibleText(p.line());
    badge.setImage(new Image(Icons.trayIcon(p.icon(), false, 48).toExternalForm(), 24, 24, true, true));
    badge.setAccessibleText(p.icon().description());
    for (TrayState s : TrayState.values()) {
      pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(s.name().toLowerCase()), s == p.icon());
    }
  }
}
