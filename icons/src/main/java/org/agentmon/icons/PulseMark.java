package org.agentmon.icons;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Path2D;

/** The app icon's mark: a monitor's pulse line across the shield. */
final class PulseMark {
  private PulseMark() {}

  /** The pulse line's filled outline on the 100-unit grid. */
  static Shape shape() {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(24, 50);
    p.lineTo(37, 50);
    p.lineTo(44, 34);
    p.lineTo(55, 66);
    p.lineTo(62, 50);
    p.lineTo(76, 50);
    return new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND).createStrokedShape(p);
  }
}
