package org.agentmon.icons;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.imageio.ImageIO;

/** Test helpers that decode PNGs with ImageIO, independently of {@link Icons}' own loader. */
final class Pixels {
  private Pixels() {}

  static BufferedImage decode(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      BufferedImage image = ImageIO.read(in);
      assertNotNull(image, "ImageIO cannot decode " + url);
      return image;
    }
  }

  static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image, "ImageIO cannot decode the bytes");
    return image;
  }

  /** All pixels as non-premultiplied ARGB, row by row. */
  static int[] argb(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  static int alpha(int argb) {
    return argb >>> 24;
  }
}
