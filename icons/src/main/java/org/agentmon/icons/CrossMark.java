package org.agentmon.icons;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Path2D;

/** The UNREACHABLE mark: a cross inside the shield. */
final class CrossMark {
  private CrossMark() {}

  /** Both strokes' filled outline on the 100-unit grid. */
  static Shape shape() {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(35, 33);
    p.lineTo(65, 63);
    p.moveTo(65, 33);
    p.lineTo(35, 63);
    return new BasicStroke(11, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND).createStrokedShape(p);
  }
}
