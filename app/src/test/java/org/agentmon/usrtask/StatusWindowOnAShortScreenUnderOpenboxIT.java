package org.agentmon.usrtask;

import org.agentmon.usrtask.testing.XServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Under openbox, which frames the window and leaves the panel out of the usable area. */
class StatusWindowOnAShortScreenUnderOpenboxIT extends StatusWindowOnAShortScreen {
  @RegisterExtension static final XServer X = new XServer(true, SCREEN).panelReserved();

  @Override
  XServer x() {
    return X;
  }

  @Override
  String picture() {
    return "short-screen.png"; // the gallery's: framed and capped as on a desktop
  }
}
