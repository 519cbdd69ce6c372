package org.agentmon.usrtask.ui;

import javafx.animation.Animation;
import javafx.animation.FadeTransition;
import javafx.animation.KeyFrame;
import javafx.animation.SequentialTransition;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.agentmon.usrtask.present.Action;
import org.agentmon.usrtask.present.Presentation;

/**
 * The restart view: Restart and Stop/Start, and their progress in place. The progress line has
 * a fixed height (no layout jump), and while an action runs its buttons stay focusable but
 * inert: disabling the focused button would move focus on (to Start at Login), where the next
 * Space would toggle it.
 */
final class RestartView extends VBox {
  static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
  static final Duration SHOWN = Duration.seconds(4);
  static final double LINE_HEIGHT = 40;
  private final StatusViewModel status;
  private final RestartViewModel model;
  private final Button restart = new Button(Action.RESTART.label());
  private final Button stopStart = new Button(Action.STOP.label());
  private final ProgressIndicator spinner = new ProgressIndicator();
  private final Label progress = new Label();
  private final Button tryAgain = new Button("Try again");
  private final Label adminOnly = new Label();
  private final SequentialTransition fade;
  /** Counts the seconds beside the step while an action runs, and only then. */
  private final Timeline seconds = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));

  RestartView(StatusViewModel status, RestartViewModel model) {
    this.status = status;
    this.model = model;
    FadeTransition out = new FadeTransition(Duration.millis(600), progress);
    out.setToValue(0);
    fade = new SequentialTransition(new javafx.animation.PauseTransition(SHOWN), out);
    fade.setOnFinished(e -> model.clearResult());
    seconds.setCycleCount(Animation.INDEFINITE);
    createView();
    bindModel();
  }

  private void createView() {
    setSpacing(8);
    restart.setId("restart");
    restart.setMinWidth(Region.USE_PREF_SIZE);
    stopStart.setMinWidth(Region.USE_PREF_SIZE);
    stopStart.setId("stopStart");
    spinner.setId("spinner");
    spinner.setPrefSize(16, 16);
    spinner.setMaxSize(16, 16);
    progress.setId("progress");
    progress.getStyleClass().add("progress-line");
    progress.setWrapText(true);
    tryAgain.setId("tryAgain");
    tryAgain.getStyleClass().add("small");
    // Progress sits beside the buttons, in space kept for it: nothing moves when it appears.
    HBox.setHgrow(progress, javafx.scene.layout.Priority.ALWAYS);
    progress.setMaxWidth(Double.MAX_VALUE);
    HBox line = new HBox(8, restart, stopStart, new StackPane(spinner), progress, tryAgain);
    line.setAlignment(Pos.CENTER_LEFT);
    line.setMinHeight(LINE_HEIGHT); // taller than a button, spinner or one line of text: no jump when they change
    adminOnly.setId("adminOnly");
    adminOnly.getStyleClass().add("secondary");
    adminOnly.setWrapText(true);
    adminOnly.setMinHeight(Region.USE_PREF_SIZE);
    tryAgain.managedProperty().bind(tryAgain.visibleProperty());
    getChildren().addAll(line, adminOnly);
  }

  private void bindModel() {
    restart.setOnAction(e -> model.restart());
    stopStart.setOnAction(e -> {
      if (status.presentationProperty().get().helperOff()) {
        model.start();
      } else {
        StopConfirmation.ask(getScene() == null ? null : getScene().getWindow(), model::stop);
      }
    });
    tryAgain.setOnAction(e -> model.tryAgain());
    status.presentationProperty().addListener(o -> refresh());
    model.busyProperty().addListener((o, was, now) -> {
      if (now) {
        seconds.playFromStart();
      } else {
        seconds.stop();
      }
      refresh();
    });
    model.resultProperty().addListener(o -> refresh());
    refresh();
  }

  private void refresh() {
    Presentation p = status.presentationProperty().get();
    boolean busy = model.busyProperty().get();
    stopStart.setText(p.stopOrStart().label());
    // While busy the buttons keep their enabled state (and focus); the model ignores presses.
    if (!busy) {
      restart.setDisable(!p.canRestart());
      stopStart.setDisable(!p.canStopOrStart());
    }
    restart.pseudoClassStateChanged(BUSY, busy);
    stopStart.pseudoClassStateChanged(BUSY, busy);
    emphasise(restart, p.primary() == Action.RESTART);
    emphasise(stopStart, p.primary() == p.stopOrStart() && p.primary() != null);
    adminOnly.setText(p.adminOnly());
    adminOnly.setVisible(p.adminOnly() != null);
    adminOnly.setManaged(p.adminOnly() != null);
    String result = model.resultProperty().get();
    spinner.setVisible(busy);
    // Determinate when idle: an indeterminate spinner animates (and keeps the FX pulse going) even unseen.
    spinner.setProgress(busy ? ProgressIndicator.INDETERMINATE_PROGRESS : 0);
    // The header says "Restarting…"; the line beside the buttons says the step and the time it has taken.
    String text = busy ? step(p.progress(), model.elapsed().toSeconds()) : result;
    if (!java.util.Objects.equals(text, progress.getText())) { // refreshed every second: fade only anew
      fade.stop();
      progress.setOpacity(1);
      progress.setText(text);
      if (!model.busyProperty().get() && result != null && !model.failedProperty().get()) {
        fade.playFromStart();
      }
    }
    progress.pseudoClassStateChanged(PseudoClass.getPseudoClass("failed"), model.failedProperty().get());
    tryAgain.setVisible(model.failedProperty().get() && !model.busyProperty().get());
  }

  /** "Waiting for the new instance… 3 s": the seconds from the first one on. */
  static String step(String step, long seconds) {
    return step.isEmpty() ? "" : step + "…" + (seconds < 1 ? "" : " " + seconds + " s");
  }

  private static void emphasise(Button b, boolean primary) {
    b.setDefaultButton(primary);
    if (primary && !b.getStyleClass().contains("accent")) {
      b.getStyleClass().add("accent");
    } else if (!primary) {
      b.getStyleClass().remove("accent");
    }
  }
}
