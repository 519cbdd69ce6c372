package org.agentmon.icons;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Path2D;

/** Marks drawn as lines with round ends and corners (check, cross, arrow, pulse), as filled outlines. */
final class RoundStroke {
  private RoundStroke() {}

  /**
   * @param width the line width on the 100-unit grid
   * @param lines each line's points as x, y pairs: the first is where it starts, the rest are joined
   * @return the lines' filled outline
   */
  static Shape outline(float width, double[]... lines) {
    Path2D.Double p = new Path2D.Double();
    for (double[] xy : lines) {
      p.moveTo(xy[0], xy[1]);
      for (int i = 2; i < xy.length; i += 2) {
        p.lineTo(xy[i], xy[i + 1]);
      }
    }
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND).createStrokedShape(p);
  }
}
