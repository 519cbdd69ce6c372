package org.agentmon.icons;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Path2D;

/** The NOT_INSTALLED mark: an arrow pointing down, "install", inside the shield. */
final class ArrowMark {
  private ArrowMark() {}

  /** The arrow's filled outline on the 100-unit grid. */
  static Shape shape() {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(50, 28);
    p.lineTo(50, 64);
    p.moveTo(35, 50);
    p.lineTo(50, 65);
    p.lineTo(65, 50);
    return new BasicStroke(11, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND).createStrokedShape(p);
  }
}
