package org.agentmon.usrtask;

import org.agentmon.usrtask.testing.XServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On Xvfb without a window manager: no work area, the whole screen is usable. */
class StatusWindowOnAShortScreenIT extends StatusWindowOnAShortScreen {
  @RegisterExtension static final XServer X = new XServer(false, SCREEN);

  @Override
  XServer x() {
    return X;
  }
}
