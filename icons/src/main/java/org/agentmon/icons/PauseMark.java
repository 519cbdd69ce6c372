package org.agentmon.icons;

import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.RoundRectangle2D;

/** The STOPPED mark: two pause bars inside the shield. */
final class PauseMark {
  private PauseMark() {}

  /** Both bars on the 100-unit grid. */
  static Shape shape() {
    Area a = new Area(new RoundRectangle2D.Double(33, 28, 12, 42, 6, 6));
    a.add(new Area(new RoundRectangle2D.Double(55, 28, 12, 42, 6, 6)));
    return a;
  }
}
