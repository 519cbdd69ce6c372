package org.agentmon.icons;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * Draws the app icon: a blue rounded square (inset like macOS app icons, so it sits well beside
 * them) carrying a white shield with a pulse line. At 32 px and below the square fills almost
 * the whole image, because an inset glyph that small is no longer readable.
 */
final class AppIconPainter {
  private static final Color TOP = new Color(0x3B82F6);
  private static final Color BOTTOM = new Color(0x1E3A8A);
  /** The shield's size relative to the square. */
  private static final double GLYPH_SCALE = 0.75;
  /** Largest size drawn with the small-icon inset. */
  private static final int SMALL = 32;

  private AppIconPainter() {}

  static BufferedImage paint(int px) {
    BufferedImage image = DesignGrid.newImage(px);
    Graphics2D g = DesignGrid.graphics(image);
    try {
      double inset = px <= SMALL ? 3 : 10;
      double edge = DesignGrid.UNITS - 2 * inset;
      g.setPaint(new GradientPaint(0, (float) inset, TOP, 0, (float) (inset + edge), BOTTOM));
      g.fill(new RoundRectangle2D.Double(inset, inset, edge, edge, 0.45 * edge, 0.45 * edge));

      double scale = GLYPH_SCALE * edge / DesignGrid.UNITS;
      AffineTransform glyph = new AffineTransform();
      glyph.translate(50, 50);
      glyph.scale(scale, scale);
      glyph.translate(-50, -50);
      g.setPaint(Color.WHITE);
      g.fill(glyph.createTransformedShape(Shield.shape()));
      g.setPaint(BOTTOM);
      g.fill(glyph.createTransformedShape(PulseMark.shape()));
    } finally {
      g.dispose();
    }
    return image;
  }
}
