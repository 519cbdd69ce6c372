package org.agentmon.usrtask;

import org.agentmon.usrtask.testing.XServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On Xvfb without a window manager: no one else sizes the window (the gallery's status.png). */
class StatusWindowFitsItsContentIT extends StatusWindowFitsItsContent {
  @RegisterExtension static final XServer X = new XServer(false, SCREEN);

  @Override
  XServer x() {
    return X;
  }
}
