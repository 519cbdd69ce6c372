package org.agentmon.usrtask.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The quit view: what quitting means, Quit / Cancel and "Don't ask again". */
final class QuitView {
  static final ButtonType QUIT = new ButtonType("Quit", ButtonBar.ButtonData.OK_DONE);

  private QuitView() {}

  /**
   * Quits at once when the user said not to ask, else asks without blocking.
   *
   * @param owner the window it belongs to, or null (from the tray menu)
   * @param model the quit view's model
   * @return the dialog, or null when it quit without asking
   */
  static Alert quit(Window owner, QuitViewModel model) {
    if (!model.asks()) {
      model.quit(false);
      return null;
    }
    Alert a = Dialogs.confirm(owner, QuitViewModel.QUESTION, null, QUIT);
    Label meaning = new Label(QuitViewModel.MEANING);
    meaning.setWrapText(true);
    CheckBox dontAsk = new CheckBox("Don't ask again");
    dontAsk.setId("dontAskAgain");
    a.getDialogPane().setContent(new VBox(12, meaning, dontAsk));
    a.getDialogPane().setId("quitConfirmation");
    a.resultProperty().addListener((o, was, now) -> {
      if (now == QUIT) {
        model.quit(dontAsk.isSelected());
      }
    });
    a.show();
    return a;
  }
}
