package org.agentmon.usrtask;

import org.agentmon.usrtask.testing.XServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Under openbox, which frames the window and may size it itself. */
class StatusWindowFitsItsContentUnderOpenboxIT extends StatusWindowFitsItsContent {
  @RegisterExtension static final XServer X = new XServer(true, SCREEN);

  @Override
  XServer x() {
    return X;
  }
}
