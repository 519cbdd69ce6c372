package org.agentmon.usrtask;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.agentmon.usrtask.testing.XServer;

/** Opens the real tray menu (a right click on the icon in trayer's panel) and photographs it. */
final class TrayMenuPicture {
  private TrayMenuPicture() {}

  static void take(XServer x, Path out) throws Exception {
    Files.createDirectories(out.getParent());
    String tree = x.tree();
    Matcher icon = Pattern.compile("(0x[0-9a-f]+) \"[^\"]*\": \\(\"sun-awt-X11-XTrayIconPeer[^\\n]*|"
        + "(0x[0-9a-f]+) [^\\n]*JavaEmbeddedFrame[^\\n]*").matcher(tree);
    assertTrue(icon.find(), tree);
    String id = icon.group(1) != null ? icon.group(1) : icon.group(2);
    String geo = x.run("xwininfo", "-id", id);
    int left = value(geo, "Absolute upper-left X");
    int top = value(geo, "Absolute upper-left Y");
    x.run("xdotool", "mousemove", Integer.toString(left + 8), Integer.toString(top + 8), "click", "3");
    Thread.sleep(1500); // the popup has no window name to wait for; a picture, not an assertion
    Path full = out.resolveSibling("tray-full.png");
    x.run("import", "-window", "root", full.toString());
    BufferedImage img = ImageIO.read(full.toFile());
    int w = Math.min(360, img.getWidth());
    int bottom = Math.min(img.getHeight(), top + 30);
    int h = Math.min(170, bottom); // the menu (about 150 px) and the icon below it
    int cx = Math.max(0, Math.min(img.getWidth() - w, left - 40));
    ImageIO.write(img.getSubimage(cx, bottom - h, w, h), "png", out.toFile());
    Files.deleteIfExists(full);
    x.run("xdotool", "key", "Escape");
  }

  private static int value(String xwininfo, String key) {
    Matcher m = Pattern.compile(key + ":\\s+(-?\\d+)").matcher(xwininfo);
    assertTrue(m.find(), xwininfo);
    return Integer.parseInt(m.group(1));
  }
}
