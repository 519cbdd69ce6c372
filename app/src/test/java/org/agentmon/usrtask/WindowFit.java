package org.agentmon.usrtask;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.agentmon.usrtask.testing.Eventually;
import org.agentmon.usrtask.testing.XServer;

/**
 * Whether the real status window is as tall as its content, read from its photograph: no empty
 * band wider than the layout's own (the slack of a too-tall window lands in one place, "Recent
 * activity"), and the view's bottom padding whole below the footer (less: something is cut off).
 */
final class WindowFit {
  /** The widest empty band the layout itself has, at 1x (spacing around a separator is 29 px). */
  private static final int MOST_EMPTY = 40;
  /** The view's bottom padding is 18 px at 1x. */
  private static final int BOTTOM_LEAST = 12;
  private static final int BOTTOM_MOST = 30;
  /** From the window's bottom edge to the middle of the closed "Details" row at 1x: footer, separator, spacing. */
  private static final int DETAILS_ABOVE_BOTTOM = 125;
  private final XServer x;
  private final Path shot;
  private final int scale;
  private String seen = "not photographed yet";

  /**
   * @param x the display the window is on
   * @param shot where the photograph goes
   * @param scale the UI scale (2 for {@code -Dglass.gtk.uiScale=2})
   */
  WindowFit(XServer x, Path shot, int scale) {
    this.x = x;
    this.shot = shot;
    this.scale = scale;
  }

  /** @return true when the window called AgentMon, photographed now, is as tall as its content */
  boolean fits() {
    BufferedImage img = photograph();
    if (img == null) {
      return false;
    }
    int[] bands = emptyBands(img);
    seen = img.getWidth() + "x" + img.getHeight() + ", widest empty band " + bands[0] + " px, at the bottom "
        + bands[1] + " px";
    return bands[0] <= MOST_EMPTY * scale && bands[1] >= BOTTOM_LEAST * scale && bands[1] <= BOTTOM_MOST * scale;
  }

  /** @return the window called AgentMon, photographed now, or null (then {@link #seen()} says why) */
  BufferedImage photograph() {
    try {
      Files.deleteIfExists(shot);
      String id = id();
      if (id == null) {
        seen = "no window called AgentMon";
        return null;
      }
      x.run("import", "-window", id, shot.toString());
      if (!Files.exists(shot)) {
        seen = "no photograph";
        return null;
      }
      return ImageIO.read(shot.toFile());
    } catch (IOException e) {
      seen = e.toString();
      return null;
    }
  }

  /** @return the X id of the window called AgentMon, or null */
  String id() {
    Matcher id = Pattern.compile("Window id: (0x[0-9a-f]+)").matcher(x.run("xwininfo", "-name", "AgentMon"));
    return id.find() ? id.group(1) : null;
  }

  /**
   * Opens "Details" with a click, waits until the window grew to fit them, closes them, and waits until
   * it is back to its closed height; as tall as its content all along.
   *
   * @param timeout for each step
   */
  void whileDetailsOpenAndClose(Duration timeout) {
    int closed = openDetails(timeout);
    // the row stays where it was: the window grows and shrinks at the bottom
    clickAt(closed - DETAILS_ABOVE_BOTTOM * scale);
    Eventually.await(timeout, "Details closed and the window back to its closed height",
        () -> Math.abs(size()[1] - closed) <= 2 && fits(), this::seen);
    System.out.println("Details closed again: " + seen);
  }

  /**
   * Opens "Details" with a click and waits until the window grew (to fit them, or to the screen's
   * height) with its footer whole.
   *
   * @param timeout for each step
   * @return the window's height before, with Details closed
   */
  int openDetails(Duration timeout) {
    Eventually.await(timeout, "the window as tall as its content", this::fits, this::seen);
    int closed = size()[1];
    clickAt(closed - DETAILS_ABOVE_BOTTOM * scale);
    Eventually.await(timeout, "Details open and the window grown to fit them",
        () -> size()[1] > closed + 60 * scale && fits(), this::seen);
    System.out.println("Details open: " + seen);
    return closed;
  }

  /**
   * Turns the mouse wheel down over the window's middle.
   *
   * @param clicks how many steps
   */
  void scrollDown(int clicks) {
    String info = x.run("xwininfo", "-name", "AgentMon");
    x.run("xdotool", "mousemove", Integer.toString(value(info, "Absolute upper-left X") + 60 * scale),
        Integer.toString(value(info, "Absolute upper-left Y") + value(info, "Height") / 2),
        "click", "--repeat", Integer.toString(clicks), "--delay", "30", "5");
  }

  private void clickAt(int y) {
    String info = x.run("xwininfo", "-name", "AgentMon");
    int left = value(info, "Absolute upper-left X");
    int top = value(info, "Absolute upper-left Y");
    x.run("xdotool", "mousemove", Integer.toString(left + 60 * scale), Integer.toString(top + y), "click", "1");
  }

  int[] size() {
    String info = x.run("xwininfo", "-name", "AgentMon");
    return new int[] {value(info, "Width"), value(info, "Height")};
  }

  static int value(String xwininfo, String key) {
    Matcher m = Pattern.compile(key + ":\\s+(-?\\d+)").matcher(xwininfo);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** @return what the last photograph showed, for messages */
  String seen() {
    return seen;
  }

  /** @return the widest run of rows all in the background colour, and the run at the bottom edge */
  private static int[] emptyBands(BufferedImage img) {
    int background = img.getRGB(img.getWidth() / 2, img.getHeight() - 1);
    int run = 0;
    int widest = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      boolean empty = true;
      for (int px = 0; px < img.getWidth() && empty; px++) {
        empty = img.getRGB(px, y) == background;
      }
      run = empty ? run + 1 : 0;
      widest = Math.max(widest, run);
    }
    return new int[] {widest, run};
  }

  /** @return the window manager's work area (left, top, right, bottom), else the whole screen */
  static int[] usableArea(XServer x) {
    Matcher m = Pattern.compile("= (\\d+), (\\d+), (\\d+), (\\d+)").matcher(x.run("xprop", "-root", "_NET_WORKAREA"));
    if (m.find()) {
      int left = Integer.parseInt(m.group(1));
      int top = Integer.parseInt(m.group(2));
      return new int[] {left, top, left + Integer.parseInt(m.group(3)), top + Integer.parseInt(m.group(4))};
    }
    String root = x.run("xwininfo", "-root");
    return new int[] {0, 0, value(root, "Width"), value(root, "Height")};
  }

  /** @return the window with the window manager's frame, if any (left, top, right, bottom) */
  int[] outerBounds() {
    String id = id();
    String info = x.run("xwininfo", "-id", id);
    int left = value(info, "Absolute upper-left X");
    int top = value(info, "Absolute upper-left Y");
    int[] frame = new int[4]; // left, right, top, bottom
    Matcher m = Pattern.compile("= (\\d+), (\\d+), (\\d+), (\\d+)").matcher(x.run("xprop", "-id", id,
        "_NET_FRAME_EXTENTS"));
    if (m.find()) {
      for (int i = 0; i < 4; i++) {
        frame[i] = Integer.parseInt(m.group(i + 1));
      }
    }
    return new int[] {left - frame[0], top - frame[2], left + value(info, "Width") + frame[1],
        top + value(info, "Height") + frame[3]};
  }
}
