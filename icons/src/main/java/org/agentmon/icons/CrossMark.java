package org.agentmon.icons;

import java.awt.Shape;

/** The UNREACHABLE mark: a cross inside the shield. */
final class CrossMark {
  private CrossMark() {}

  /** Both strokes' filled outline on the 100-unit grid. */
  static Shape shape() {
    return RoundStroke.outline(11, new double[] {35, 33, 65, 63}, new double[] {65, 33, 35, 63});
  }
}
