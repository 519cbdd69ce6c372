package org.agentmon.icons;

import java.awt.Shape;

/** The app icon's mark: a monitor's pulse line across the shield. */
final class PulseMark {
  private PulseMark() {}

  /** The pulse line's filled outline on the 100-unit grid. */
  static Shape shape() {
    return RoundStroke.outline(8, new double[] {24, 50, 37, 50, 44, 34, 55, 66, 62, 50, 76, 50});
  }
}
