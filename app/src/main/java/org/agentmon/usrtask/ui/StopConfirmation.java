package org.agentmon.usrtask.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks before Stop, in words: it turns AgentMon off for every user until someone starts it. */
final class StopConfirmation {
  static final String QUESTION = "Stop AgentMon for everyone on this computer?";
  static final String MEANING = "It stays off until started again.";
  static final ButtonType STOP = new ButtonType("Stop AgentMon", ButtonBar.ButtonData.OK_DONE);

  private StopConfirmation() {}

  /**
   * Shows the question without blocking; runs {@code onStop} only when Stop is chosen.
   *
   * @param owner the window it belongs to, or null (from the tray menu)
   * @param onStop what Stop does
   * @return the dialog, already showing
   */
  static Alert ask(Window owner, Runnable onStop) {
    Alert a = Dialogs.confirm(owner, QUESTION, MEANING, STOP);
    a.getDialogPane().setId("stopConfirmation");
    a.resultProperty().addListener((o, was, now) -> {
      if (now == STOP) {
        onStop.run();
      }
    });
    a.show();
    return a;
  }
}
