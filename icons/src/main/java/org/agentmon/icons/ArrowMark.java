package org.agentmon.icons;

import java.awt.Shape;

/** The NOT_INSTALLED mark: an arrow pointing down, "install", inside the shield. */
final class ArrowMark {
  private ArrowMark() {}

  /** The arrow's filled outline on the 100-unit grid. */
  static Shape shape() {
    return RoundStroke.outline(11, new double[] {50, 28, 50, 64}, new double[] {35, 50, 50, 65, 65, 50});
  }
}
