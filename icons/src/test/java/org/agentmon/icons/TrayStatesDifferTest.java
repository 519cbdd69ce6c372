package org.agentmon.icons;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** At a glance every state must look different: each pair differs in many pixels. */
class TrayStatesDifferTest {
  @ParameterizedTest(name = "template={0} {1}px")
  @MethodSource("org.agentmon.icons.TrayIcons#setsAndSizes")
  void everyPairOfStatesDiffers(boolean template, int px) throws IOException {
    TrayState[] states = TrayState.values();
    List<int[]> images = new ArrayList<>();
    for (TrayState state : states) {
      images.add(Pixels.argb(Pixels.decode(Icons.trayIcon(state, template, px))));
    }
    for (int a = 0; a < states.length; a++) {
      for (int b = a + 1; b < states.length; b++) {
        int differing = 0;
        for (int i = 0; i < px * px; i++) {
          if (images.get(a)[i] != images.get(b)[i]) {
            differing++;
          }
        }
        // A twentieth of the icon is a few pixels at 18 px: a real difference, not noise.
        assertTrue(differing >= px * px / 20,
            states[a] + " and " + states[b] + " differ in only " + differing + " pixels");
      }
    }
  }
}
