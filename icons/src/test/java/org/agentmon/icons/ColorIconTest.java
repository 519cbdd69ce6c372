package org.agentmon.icons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Coloured icons carry a mark in a second colour on a transparent background. */
class ColorIconTest {
  @ParameterizedTest(name = "{0} {1}px")
  @MethodSource("org.agentmon.icons.TrayIcons#colour")
  void trayIconIsNotAllOneColour(TrayState state, int px) throws IOException {
    assertSeveralOpaqueColoursAndTransparency(Pixels.argb(Pixels.decode(Icons.trayIcon(state, false, px))));
  }

  @ParameterizedTest(name = "{0}px")
  @ValueSource(ints = {16, 32, 64, 128, 256, 512, 1024})
  void appIconIsNotAllOneColour(int px) throws IOException {
    assertSeveralOpaqueColoursAndTransparency(Pixels.argb(Pixels.decode(Icons.appIcon(px))));
  }

  private static void assertSeveralOpaqueColoursAndTransparency(int[] pixels) {
    Set<Integer> opaqueColours = new HashSet<>();
    int transparent = 0;
    for (int p : pixels) {
      if (Pixels.alpha(p) == 255) {
        opaqueColours.add(p & 0xFFFFFF);
      } else if (Pixels.alpha(p) == 0) {
        transparent++;
      }
    }
    assertTrue(opaqueColours.size() >= 2, "opaque colours: " + opaqueColours.size());
    assertTrue(transparent > 0, "no transparent pixel: the icon would show a square on the panel");
  }
}
