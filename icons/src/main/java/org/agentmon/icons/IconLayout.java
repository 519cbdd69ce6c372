package org.agentmon.icons;

import java.util.List;
import java.util.Locale;

/**
 * Where each generated image lives, relative to this package, and which sizes exist. The
 * generator writes these names and {@link Icons} reads them, so this is the one place that
 * knows them.
 */
final class IconLayout {
  /** macOS menu-bar template icons: 18 pt at 1x and 2x. */
  static final List<Integer> TEMPLATE_SIZES = List.of(18, 36);
  /** Coloured tray icons for Linux panels. */
  static final List<Integer> COLOR_SIZES = List.of(22, 24, 48);
  /** App icon PNG sizes; 256 doubles as the Linux desktop icon. */
  static final List<Integer> APP_SIZES = List.of(16, 32, 64, 128, 256, 512, 1024);
  /** The macOS icon container. */
  static final String ICNS = "app/agentmon.icns";

  private IconLayout() {}

  static List<Integer> traySizes(boolean template) {
    return template ? TEMPLATE_SIZES : COLOR_SIZES;
  }

  /** Template icons follow the macOS {@code name@2x.png} convention; coloured ones carry px. */
  static String trayPath(TrayState state, boolean template, int px) {
    String name = state.name().toLowerCase(Locale.ROOT);
    if (template) {
      return "tray/template/" + name + (px == TEMPLATE_SIZES.get(0) ? "" : "@2x") + ".png";
    }
    return "tray/color/" + name + "-" + px + ".png";
  }

  static String appPath(int px) {
    return "app/agentmon-" + px + ".png";
  }
}
