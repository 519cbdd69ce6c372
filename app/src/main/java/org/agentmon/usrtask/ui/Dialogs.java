package org.agentmon.usrtask.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The app's confirmation dialogs: a question, what it means, the action and Cancel (the default). */
final class Dialogs {
  static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

  private Dialogs() {}

  static Alert confirm(Window owner, String question, String meaning, ButtonType action) {
    Alert a = new Alert(Alert.AlertType.NONE, meaning, action, CANCEL);
    a.setTitle("AgentMon");
    a.setHeaderText(question);
    a.setGraphic(new javafx.scene.image.ImageView(new javafx.scene.image.Image(
        org.agentmon.icons.Icons.appIcon(64).toExternalForm(), 40, 40, true, true)));
    if (owner != null && owner.isShowing()) {
      a.initOwner(owner);
      a.initModality(Modality.WINDOW_MODAL);
    }
    // A destructive action is never the default: Enter cancels, the action needs a deliberate choice.
    Button yes = (Button) a.getDialogPane().lookupButton(action);
    Button no = (Button) a.getDialogPane().lookupButton(CANCEL);
    yes.setDefaultButton(false);
    no.setDefaultButton(true);
    yes.setId("confirm");
    no.setId("cancel");
    a.getDialogPane().getStyleClass().add("agentmon-dialog");
    return a;
  }
}
