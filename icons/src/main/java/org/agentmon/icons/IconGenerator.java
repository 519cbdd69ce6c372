package org.agentmon.icons;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Build step: renders every icon of {@link IconLayout} and writes the PNGs and the
 * {@code .icns} under a class output directory, so they ship in this jar. Maven runs it in
 * {@code process-classes} with the output directory as its one argument.
 */
final class IconGenerator {
  private IconGenerator() {}

  /**
   * Generates into {@code args[0]}, a class output root such as {@code target/classes}.
   *
   * @param args the output root
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: IconGenerator <class output directory>");
    }
    int files = generate(Path.of(args[0]));
    System.out.println("AgentMon icons: wrote " + files + " files under " + args[0]);
  }

  /**
   * Writes all icons below {@code root}/org/agentmon/icons.
   *
   * @return how many files were written
   */
  static int generate(Path root) throws IOException {
    Path dir = root.resolve(IconGenerator.class.getPackageName().replace('.', '/'));
    int files = 0;
    for (TrayState state : TrayState.values()) {
      for (boolean template : new boolean[] {true, false}) {
        for (int px : IconLayout.traySizes(template)) {
          write(dir.resolve(IconLayout.trayPath(state, template, px)),
              png(TrayIconPainter.paint(state, template, px)));
          files++;
        }
      }
    }
    Map<Integer, byte[]> appPngs = new HashMap<>();
    for (int px : IconLayout.APP_SIZES) {
      byte[] png = png(AppIconPainter.paint(px));
      appPngs.put(px, png);
      write(dir.resolve(IconLayout.appPath(px)), png);
      files++;
    }
    write(dir.resolve(IconLayout.ICNS), IcnsWriter.write(appPngs));
    return files + 1;
  }

  static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("no PNG writer in this JDK");
    }
    return out.toByteArray();
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }
}
