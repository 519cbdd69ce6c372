package org.agentmon.icons;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.image.BufferedImage;

/**
 * Draws a tray icon: the shield with the state's mark. Template icons (macOS menu bar) are a
 * black silhouette with the mark cut out, so the system can tint them for light and dark menu
 * bars; the unreachable and not-installed states are a hollow shield to read as "no connection"
 * and "nothing there". Coloured icons (Linux panels, which do not tint) fill the shield with the
 * state's colour.
 */
final class TrayIconPainter {
  /** Width of the hollow shield's ring, in grid units. */
  private static final double RING = 12;
  /** Width of the coloured shield's darker rim, in grid units. */
  private static final double RIM = 4;

  private TrayIconPainter() {}

  static BufferedImage paint(TrayState state, boolean template, int px) {
    BufferedImage image = DesignGrid.newImage(px);
    Graphics2D g = DesignGrid.graphics(image);
    try {
      if (template) {
        paintTemplate(g, state);
      } else {
        paintColor(g, state);
      }
    } finally {
      g.dispose();
    }
    if (template) {
      blackenKeepingAlpha(image);
    }
    return image;
  }

  private static void paintTemplate(Graphics2D g, TrayState state) {
    g.setColor(Color.BLACK);
    if (state == TrayState.UNREACHABLE || state == TrayState.NOT_INSTALLED) {
      g.fill(ring(Shield.shape(), RING));
      g.fill(mark(state));
      return;
    }
    g.fill(Shield.shape());
    g.setComposite(AlphaComposite.DstOut);
    g.fill(mark(state));
  }

  private static void paintColor(Graphics2D g, TrayState state) {
    Color fill = fill(state);
    g.setColor(fill);
    g.fill(Shield.shape());
    g.setColor(fill.darker());
    g.fill(ring(Shield.shape(), RIM));
    g.setColor(state == TrayState.DEGRADED ? new Color(0x2B2300) : Color.WHITE);
    g.fill(mark(state));
  }

  static Shape mark(TrayState state) {
    switch (state) {
      case RUNNING:
        return CheckMark.shape();
      case DEGRADED:
        return ExclamationMark.shape();
      case STOPPED:
        return PauseMark.shape();
      case UNREACHABLE:
        return CrossMark.shape();
      case WORKING:
        return EllipsisMark.shape();
      case NOT_INSTALLED:
        return ArrowMark.shape();
      default:
        throw new IllegalArgumentException("no mark for " + state);
    }
  }

  /** The state's colour on a Linux panel: green, blue, amber, light (dimmed) grey, red, slate grey. */
  static Color fill(TrayState state) {
    switch (state) {
      case RUNNING:
        return new Color(0x2DA44E);
      case DEGRADED:
        return new Color(0xE8A317);
      case STOPPED:
        return new Color(0xA3AAB4);
      case WORKING:
        return new Color(0x2F6FDE);
      case UNREACHABLE:
        return new Color(0xD1372F);
      case NOT_INSTALLED:
        return new Color(0x57606A);
      default:
        throw new IllegalArgumentException("no colour for " + state);
    }
  }

  /** The band of {@code width} just inside {@code outline}'s edge. */
  private static Area ring(Shape outline, double width) {
    Area edgeBand = new Area(new BasicStroke((float) (2 * width)).createStrokedShape(outline));
    Area ring = new Area(outline);
    ring.intersect(edgeBand);
    return ring;
  }

  /**
   * Sets every pixel's colour to black and keeps its alpha: antialiasing and the cut-out can
   * leave colour in fully or partly transparent pixels, and macOS templates must be pure black.
   */
  private static void blackenKeepingAlpha(BufferedImage image) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, image.getRGB(x, y) & 0xFF000000);
      }
    }
  }
}
