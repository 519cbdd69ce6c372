package org.agentmon.usrtask.ui;

import atlantafx.base.theme.CupertinoDark;
import atlantafx.base.theme.CupertinoLight;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The look: AtlantaFX Cupertino on macOS, Primer elsewhere, light or dark, plus our few rules in
 * {@code usrtask.css} (which use only the theme's named colours, so both themes keep their
 * contrast). State colours are not text colours: Cupertino Light's orange and red on white fall
 * below 4.5:1, so states show as the icon's shape and colour, and a coloured rule beside a failure.
 */
final class Theme {
  /** The text/background colour pairs our stylesheet puts on screen; a test checks their contrast. */
  static final List<String[]> TEXT_ON_BACKGROUND = List.of(
      new String[] {"-color-fg-default", "-color-bg-default"},
      new String[] {"-color-fg-muted", "-color-bg-default"},
      new String[] {"-color-fg-muted", "-color-bg-subtle"});

  private Theme() {}

  /** The user's choice on the command line. */
  enum Choice {
    LIGHT, DARK, SYSTEM;

    static Choice parse(String s) {
      try {
        return s == null ? SYSTEM : valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--theme must be light, dark or system, not " + s, e);
      }
    }
  }

  /**
   * @param mac Cupertino (macOS) or Primer
   * @param dark the dark variant
   * @return the AtlantaFX theme
   */
  static atlantafx.base.theme.Theme of(boolean mac, boolean dark) {
    return mac ? (dark ? new CupertinoDark() : new CupertinoLight()) : (dark ? new PrimerDark() : new PrimerLight());
  }

  /** Sets the whole application's look (windows and dialogs); FX thread. */
  static void apply(boolean mac, boolean dark) {
    Application.setUserAgentStylesheet(of(mac, dark).getUserAgentStylesheet());
  }

  /** Adds our own rules to a scene. */
  static void addOurRules(Scene scene) {
    scene.getStylesheets().add(Theme.class.getResource("usrtask.css").toExternalForm());
  }
}
