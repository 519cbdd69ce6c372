package org.agentmon.usrtask.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Where every test of the status window starts: the FX toolkit started once by TestFX, its primary
 * stage, the light theme, and a temporary folder. The subclass makes the {@link Models} and closes them.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WindowTestBase {
  @TempDir Path dir;
  /** The stage the window under test is shown in. */
  Stage stage;
  /** The models the test made, or null before. */
  Models models;

  @BeforeEach
  void lightThemeOnThePrimaryStage(FxRobot robot) throws TimeoutException {
    stage = FxToolkit.registerPrimaryStage();
    robot.interact(() -> Theme.apply(false, false));
  }
}
