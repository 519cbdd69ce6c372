package org.agentmon.icons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IconsTest {
  static Stream<Arguments> trayIcons() {
    List<Arguments> all = new ArrayList<>();
    for (TrayState state : TrayState.values()) {
      for (int px : List.of(18, 36)) {
        all.add(Arguments.of(state, true, px));
      }
      for (int px : List.of(22, 24, 48)) {
        all.add(Arguments.of(state, false, px));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} template={1} {2}px")
  @MethodSource("trayIcons")
  void everyTrayIconExistsAtItsSize(TrayState state, boolean template, int px) throws IOException {
    BufferedImage decoded = Pixels.decode(Icons.trayIcon(state, template, px));
    assertEquals(px, decoded.getWidth());
    assertEquals(px, decoded.getHeight());

    BufferedImage loaded = Icons.trayImage(state, template, px);
    assertEquals(px, loaded.getWidth());
    assertEquals(px, loaded.getHeight());
  }

  @Test
  void templateIconsFollowTheMacOsRetinaNaming() {
    assertTrue(Icons.trayIcon(TrayState.RUNNING, true, 18).getPath()
        .endsWith("org/agentmon/icons/tray/template/running.png"));
    assertTrue(Icons.trayIcon(TrayState.RUNNING, true, 36).getPath()
        .endsWith("org/agentmon/icons/tray/template/running@2x.png"));
    assertTrue(Icons.trayIcon(TrayState.UNREACHABLE, false, 22).getPath()
        .endsWith("org/agentmon/icons/tray/color/unreachable-22.png"));
  }

  @ParameterizedTest(name = "{0}px")
  @ValueSource(ints = {16, 32, 64, 128, 256, 512, 1024})
  void everyAppIconExistsAtItsSize(int px) throws IOException {
    BufferedImage decoded = Pixels.decode(Icons.appIcon(px));
    assertEquals(px, decoded.getWidth());
    assertEquals(px, decoded.getHeight());
    assertEquals(px, Icons.appImage(px).getWidth());
  }

  @Test
  void listedSizesAreTheGeneratedOnes() {
    assertEquals(List.of(18, 36), Icons.traySizes(true));
    assertEquals(List.of(22, 24, 48), Icons.traySizes(false));
    assertEquals(List.of(16, 32, 64, 128, 256, 512, 1024), Icons.appIconSizes());
  }

  @Test
  void sizeNotGeneratedIsRefusedWithTheSizesThatExist() {
    IllegalArgumentException tray =
        assertThrows(IllegalArgumentException.class, () -> Icons.trayIcon(TrayState.RUNNING, true, 22));
    assertTrue(tray.getMessage().contains("22 px"), tray.getMessage());
    assertTrue(tray.getMessage().contains("[18, 36]"), tray.getMessage());

    IllegalArgumentException color =
        assertThrows(IllegalArgumentException.class, () -> Icons.trayImage(TrayState.STOPPED, false, 18));
    assertTrue(color.getMessage().contains("[22, 24, 48]"), color.getMessage());

    IllegalArgumentException app = assertThrows(IllegalArgumentException.class, () -> Icons.appIcon(48));
    assertTrue(app.getMessage().contains("48 px"), app.getMessage());
  }

  @Test
  void icnsIsShipped() {
    URL icns = Icons.icns();
    assertTrue(icns.getPath().endsWith("org/agentmon/icons/app/agentmon.icns"), icns.toString());
  }

  @Test
  void everyStateSaysItselfInDistinctWords() {
    assertEquals("Helper running", TrayState.RUNNING.description());
    Set<String> seen = new HashSet<>();
    for (TrayState state : TrayState.values()) {
      assertFalse(state.description().isBlank(), state.name());
      assertTrue(seen.add(state.description()), "duplicate description " + state.description());
    }
  }
}
