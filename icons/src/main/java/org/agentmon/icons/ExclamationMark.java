package org.agentmon.icons;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;

/** The DEGRADED mark: an exclamation point inside the shield. */
final class ExclamationMark {
  private ExclamationMark() {}

  /** The bar and the dot on the 100-unit grid. */
  static Shape shape() {
    Area a = new Area(new RoundRectangle2D.Double(44, 22, 12, 38, 12, 12));
    a.add(new Area(new Ellipse2D.Double(43, 66, 14, 14)));
    return a;
  }
}
