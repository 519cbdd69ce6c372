package org.agentmon.icons;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Finds the images the build generated into this jar: tray icons per {@link TrayState} and the
 * app icon. Sizes that were not generated are refused with the list of those that were; a
 * listed image missing from the class path (generator not run) is an {@link
 * IllegalStateException}.
 */
public final class Icons {
  private Icons() {}

  /**
   * Locates a tray icon.
   *
   * @param state the helper state to show
   * @param template {@code true} for the macOS menu-bar template (black + alpha), {@code false}
   *     for the coloured Linux variant
   * @param px the icon's edge in pixels, one of {@link #traySizes(boolean)}
   * @return the PNG's URL inside this jar
   * @throws IllegalArgumentException if no icon of that size was generated
   */
  public static URL trayIcon(TrayState state, boolean template, int px) {
    requireSize(IconLayout.traySizes(template), px, template ? "template tray" : "colour tray");
    return resource(IconLayout.trayPath(state, template, px));
  }

  /**
   * Loads a tray icon.
   *
   * @param state the helper state to show
   * @param template {@code true} for the macOS template variant
   * @param px the icon's edge in pixels, one of {@link #traySizes(boolean)}
   * @return the decoded image, {@code px} by {@code px}
   * @throws IllegalArgumentException if no icon of that size was generated
   * @throws UncheckedIOException if the PNG cannot be read
   */
  public static BufferedImage trayImage(TrayState state, boolean template, int px) {
    return read(trayIcon(state, template, px));
  }

  /**
   * Lists the generated tray icon sizes, smallest first.
   *
   * @param template {@code true} for the macOS template variant (18 and 36 px), {@code false}
   *     for the coloured one (22, 24 and 48 px)
   * @return the sizes in pixels
   */
  public static List<Integer> traySizes(boolean template) {
    return IconLayout.traySizes(template);
  }

  /**
   * Locates the app icon as PNG.
   *
   * @param px the icon's edge in pixels, one of {@link #appIconSizes()}
   * @return the PNG's URL inside this jar
   * @throws IllegalArgumentException if no icon of that size was generated
   */
  public static URL appIcon(int px) {
    requireSize(IconLayout.APP_SIZES, px, "app");
    return resource(IconLayout.appPath(px));
  }

  /**
   * Loads the app icon.
   *
   * @param px the icon's edge in pixels, one of {@link #appIconSizes()}
   * @return the decoded image, {@code px} by {@code px}
   * @throws IllegalArgumentException if no icon of that size was generated
   * @throws UncheckedIOException if the PNG cannot be read
   */
  public static BufferedImage appImage(int px) {
    return read(appIcon(px));
  }

  /**
   * Lists the generated app icon sizes, smallest first.
   *
   * @return 16, 32, 64, 128, 256, 512 and 1024
   */
  public static List<Integer> appIconSizes() {
    return IconLayout.APP_SIZES;
  }

  /**
   * Locates the macOS app icon container, for an app bundle's {@code Resources}.
   *
   * @return the {@code .icns} file's URL inside this jar
   */
  public static URL icns() {
    return resource(IconLayout.ICNS);
  }

  private static void requireSize(List<Integer> sizes, int px, String kind) {
    if (!sizes.contains(px)) {
      throw new IllegalArgumentException(
          "no " + kind + " icon of " + px + " px; generated sizes: " + sizes);
    }
  }

  private static URL resource(String path) {
    URL url = Icons.class.getResource(path);
    if (url == null) {
      throw new IllegalStateException(
          "icon resource missing from the icons jar: " + path + " (was the build's generator run?)");
    }
    return url;
  }

  private static BufferedImage read(URL url) {
    try (InputStream in = url.openStream()) {
      BufferedImage image = ImageIO.read(in);
      if (image == null) {
        throw new IOException("not a readable image");
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read icon " + url, e);
    }
  }
}
