package org.agentmon.usrtask.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Text contrast of at least 4.5:1 (WCAG AA) in all four themes, computed from the theme's own
 * colour definitions for every text/background pair our stylesheet uses.
 */
class ThemeContrastTest {
  private static final Pattern VAR = Pattern.compile("(-color-[a-z0-9-]+):\\s*(#[0-9a-fA-F]{6}|rgb\\([^)]*\\))\\s*;");

  @ParameterizedTest(name = "mac={0} dark={1}")
  @CsvSource({"false,false", "false,true", "true,false", "true,true"})
  void everyTextColourWeUseHasEnoughContrast(boolean mac, boolean dark) throws IOException {
    Map<String, double[]> colours = colours(Theme.of(mac, dark).getUserAgentStylesheet());
    List<String> failures = new ArrayList<>();
    for (String[] pair : Theme.TEXT_ON_BACKGROUND) {
      double[] fg = colours.get(pair[0]);
      double[] bg = colours.get(pair[1]);
      assertNotNull(fg, pair[0] + " not defined by the theme");
      assertNotNull(bg, pair[1] + " not defined by the theme");
      double ratio = contrast(fg, bg);
      if (ratio < 4.5) {
        failures.add(pair[0] + " on " + pair[1] + ": " + String.format("%.2f", ratio));
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void ourStylesheetUsesOnlyTheThemesNamedColours() throws IOException {
    String css = read("/org/agentmon/usrtask/ui/usrtask.css");
    assertTrue(!Pattern.compile("#[0-9a-fA-F]{3,8}\\b|rgba?\\(").matcher(css.replaceAll("/\\*.*?\\*/", "")).find(),
        "a literal colour would not follow light/dark: " + css);
    Matcher used = Pattern.compile("-fx-text-fill:\\s*(-color-[a-z-]+)").matcher(css);
    List<String> checked = Theme.TEXT_ON_BACKGROUND.stream().map(p -> p[0]).toList();
    while (used.find()) {
      assertTrue(checked.contains(used.group(1)), used.group(1) + " is used for text but its contrast is not checked");
    }
  }

  static double contrast(double[] a, double[] b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(double[] rgb) {
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = rgb[i] / 255;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  private static Map<String, double[]> colours(String stylesheet) throws IOException {
    String css = read(stylesheet.startsWith("/") ? stylesheet : "/" + stylesheet);
    String root = css.substring(0, css.indexOf('}'));
    Map<String, double[]> m = new HashMap<>();
    Matcher v = VAR.matcher(root);
    while (v.find()) {
      String value = v.group(2);
      if (value.startsWith("#")) {
        int rgb = Integer.parseInt(value.substring(1), 16);
        m.put(v.group(1), new double[] {rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255});
      } else {
        String[] p = value.substring(4, value.length() - 1).split(",");
        m.put(v.group(1), new double[] {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()),
            Double.parseDouble(p[2].trim())});
      }
    }
    return m;
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = ThemeContrastTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
