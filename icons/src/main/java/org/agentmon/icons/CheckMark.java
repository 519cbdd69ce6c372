package org.agentmon.icons;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Path2D;

/** The RUNNING mark: a check inside the shield. */
final class CheckMark {
  private CheckMark() {}

  /** The check's filled outline on the 100-unit grid. */
  static Shape shape() {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(31, 50);
    p.lineTo(44, 63);
    p.lineTo(69, 36);
    return new BasicStroke(11, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND).createStrokedShape(p);
  }
}
