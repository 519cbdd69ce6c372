package org.agentmon.icons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** macOS tints template images itself, so they must be pure black with alpha, and visible. */
class TemplateIconTest {
  @ParameterizedTest(name = "{0} {1}px")
  @MethodSource("org.agentmon.icons.TrayIcons#template")
  void onlyBlackAndAlpha(TrayState state, int px) throws IOException {
    BufferedImage image = Pixels.decode(Icons.trayIcon(state, true, px));
    assertTrue(image.getColorModel().hasAlpha(), "template without alpha channel");
    int[] pixels = Pixels.argb(image);
    for (int i = 0; i < pixels.length; i++) {
      int rgb = pixels[i] & 0xFFFFFF;
      int x = i % px;
      int y = i / px;
      assertEquals(0, rgb, () -> String.format("pixel (%d,%d) has colour #%06x", x, y, rgb));
    }
  }

  @ParameterizedTest(name = "{0} {1}px")
  @MethodSource("org.agentmon.icons.TrayIcons#template")
  void hasOpaqueGlyphAndTransparentBackground(TrayState state, int px) throws IOException {
    int[] pixels = Pixels.argb(Pixels.decode(Icons.trayIcon(state, true, px)));
    int opaque = 0;
    int ink = 0;
    int clear = 0;
    for (int p : pixels) {
      int alpha = Pixels.alpha(p);
      opaque += alpha == 255 ? 1 : 0;
      ink += alpha >= 128 ? 1 : 0;
      clear += alpha == 0 ? 1 : 0;
    }
    assertTrue(opaque > 0, "no fully opaque pixel");
    // The glyph covers a good share of the icon (mostly opaque "ink"), but never all of it.
    assertTrue(ink >= pixels.length / 8, "only " + ink + " mostly opaque pixels of " + pixels.length);
    assertTrue(clear >= pixels.length / 8, "only " + clear + " transparent pixels of " + pixels.length);
  }
}
