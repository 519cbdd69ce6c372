package org.agentmon.icons;

import java.awt.Shape;
import java.awt.geom.Path2D;

/** The AgentMon glyph: a shield, the outline every tray state and the app icon share. */
final class Shield {
  private Shield() {}

  /** The shield on the 100-unit grid: 76 wide, 92 tall, centred, point down. */
  static Shape shape() {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(50, 4);
    p.curveTo(62, 11, 74, 15, 88, 16);
    p.lineTo(88, 46);
    p.curveTo(88, 70, 72, 87, 50, 96);
    p.curveTo(28, 87, 12, 70, 12, 46);
    p.lineTo(12, 16);
    p.curveTo(26, 15, 38, 11, 50, 4);
    p.closePath();
    return p;
  }
}
