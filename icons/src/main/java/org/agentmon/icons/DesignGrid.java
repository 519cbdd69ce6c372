package org.agentmon.icons;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The drawing surface every design shares: all shapes are drawn on a 100 x 100 unit grid, and
 * this scales that grid to the requested pixel size with antialiasing on.
 */
final class DesignGrid {
  /** Edge of the design grid in units. */
  static final double UNITS = 100;

  private DesignGrid() {}

  /** A transparent ARGB image of {@code px} square. */
  static BufferedImage newImage(int px) {
    return new BufferedImage(px, px, BufferedImage.TYPE_INT_ARGB);
  }

  /** Graphics on {@code image} whose user space is the 100-unit grid; caller disposes it. */
  static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(
        RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
    g.scale(image.getWidth() / UNITS, image.getHeight() / UNITS);
    return g;
  }
}
