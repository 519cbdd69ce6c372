package org.agentmon.icons;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;

/** The WORKING mark: three dots, "in progress", inside the shield. */
final class EllipsisMark {
  private EllipsisMark() {}

  /** The three dots on the 100-unit grid. */
  static Shape shape() {
    Area a = new Area();
    for (double x : new double[] {27, 43, 59}) {
      a.add(new Area(new Ellipse2D.Double(x, 41, 14, 14)));
    }
    return a;
  }
}
