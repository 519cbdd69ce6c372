package org.agentmon.icons;

import java.awt.Shape;

/** The RUNNING mark: a check inside the shield. */
final class CheckMark {
  private CheckMark() {}

  /** The check's filled outline on the 100-unit grid. */
  static Shape shape() {
    return RoundStroke.outline(11, new double[] {31, 50, 44, 63, 69, 36});
  }
}
