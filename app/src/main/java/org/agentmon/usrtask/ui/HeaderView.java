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

/**
 * The status view's header: the app icon, the one sentence and the secondary line. Its height
 * does not follow every change of words, so the buttons below stay where they are: it always
 * keeps room for two lines of sentence and one secondary line (empty or not), and while AgentMon
 * is working (restart, stop, start) it never gets shorter than it was when the work began.
 */
final class HeaderView extends HBox {
  private final StatusViewModel model;
  private final Label sentence = new Label();
  private final Label secondary = new Label();
  /** Invisible and unmanaged, styled as the sentence and the secondary line: the room to keep. */
  private final Label twoLines = ghost("sentence", "Ag\nAg");
  private final Label oneLine = ghost("secondary", "Ag");
  private final VBox words = new VBox(2, sentence, secondary) {
    @Override
    protected double computeMinHeight(double width) {
      return Math.max(super.computeMinHeight(width), twoLines.prefHeight(-1) + getSpacing() + oneLine.prefHeight(-1));
    }

    @Override
    protected double computePrefHeight(double width) {
      return Math.max(super.computePrefHeight(width), computeMinHeight(width));
    }
  };
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
    words.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(words, Priority.ALWAYS);
    words.setMaxWidth(Double.MAX_VALUE);
    setAccessibleRole(AccessibleRole.TEXT);
    getChildren().addAll(icons, words, twoLines, oneLine);
  }

  private void bindModel() {
    model.presentationProperty().addListener((o, was, now) -> show(now));
    show(model.presentationProperty().get());
  }

  private static Label ghost(String style, String text) {
    Label l = new Label(text);
    l.getStyleClass().add(style);
    l.setVisible(false);
    l.setManaged(false);
    return l;
  }

  /** While AgentMon works, the header keeps at least the height it had when the work began. */
  private void hold(boolean working) {
    if (working && getMinHeight() == Region.USE_PREF_SIZE && getHeight() > 0) {
      setMinHeight(getHeight());
    } else if (!working) {
      setMinHeight(Region.USE_PREF_SIZE);
    }
  }

  private void show(Presentation p) {
    sentence.setText(p.sentence());
    hold(p.icon() == TrayState.WORKING);
    secondary.setText(p.secondary());
    secondary.setVisible(!p.secondary().isEmpty()); // hidden from screen readers, its line kept
    setAccessibleText(p.line());
    badge.setImage(new Image(Icons.trayIcon(p.icon(), false, 48).toExternalForm(), 24, 24, true, true));
    badge.setAccessibleText(p.icon().description());
    for (TrayState s : TrayState.values()) {
      pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(s.name().toLowerCase()), s == p.icon());
    }
  }
}
