package org.agentmon.usrtask;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.usrtask.testing.AppProcess;
import org.agentmon.usrtask.testing.Eventually;
import org.agentmon.usrtask.testing.Gtk3;
import org.agentmon.usrtask.testing.HelperProcess;
import org.agentmon.usrtask.testing.XServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a 1024x768 screen the window with "Details" open needed 750 px, was capped at 728 and only the
 * activity list gave way: the footer's bottom was cut. Now the window stays within the screen's usable
 * area, the footer (Quit AgentMon) whole, and the middle scrolls to Details' last row with the mouse
 * wheel. The subclasses say on which display.
 */
abstract class StatusWindowOnAShortScreen {
  static final String SCREEN = "1024x768";
  private static final Duration LONG = Duration.ofSeconds(30);
  /**
   * Read between Details' left edge (at 18 px, 1x) and the scroll bar (the right 40 px): its borders
   * would fill every row.
   */
  private static final int FROM_LEFT = 24;
  private static final int SCROLL_BAR_COLUMNS = 40;
  /** The view's padding on every side, at 1x. */
  private static final int VIEW_PADDING = 18;

  @TempDir Path dir;

  /** @return the display the app runs on */
  abstract XServer x();

  /** @return the gallery picture to write of the window just after Details opened, or null for none */
  String picture() {
    return null;
  }

  @Test
  void withDetailsOpenTheWindowStaysOnTheScreenWithItsFooterWholeAndTheMiddleScrolls() throws Exception {
    Gtk3.assumeInstalled();
    Files.createDirectories(dir.resolve("helper"));
    XServer x = x();
    try (HelperProcess helper = new HelperProcess(dir.resolve("helper"), List.of())) {
      helper.start();
      try (AppProcess app = StatusWindowFitsItsContent.openedFromTheTray(dir, x, helper)) {
        WindowFit fit = new WindowFit(x, dir.resolve("window.png"), 1);
        fit.openDetails(LONG); // grown, the photograph's bottom padding whole below the footer
        int[] area = WindowFit.usableArea(x);
        int[] outer = fit.outerBounds();
        String where = "window with its frame " + java.util.Arrays.toString(outer) + " in the usable area "
            + java.util.Arrays.toString(area) + " (left, top, right, bottom)";
        System.out.println(where);
        assertTrue(outer[0] >= area[0] && outer[1] >= area[1] && outer[2] <= area[2] && outer[3] <= area[3], where);
        BufferedImage before = fit.photograph();
        if (picture() != null) {
          Path out = Path.of(System.getProperty("usrtask.screenshots", "target/screenshots")).resolve(picture());
          Files.createDirectories(out.getParent());
          javax.imageio.ImageIO.write(before, "png", out.toFile());
        }
        fit.scrollDown(30);
        Eventually.await(LONG, "Details' last row (Copy diagnostics) whole above the footer",
            () -> lastRowWhole(fit.photograph()), fit::seen);
        assertTrue(fit.fits(), "the footer still whole: " + fit.seen());
        BufferedImage end = fit.photograph();
        int quitRight = footerRightEdge(end);
        assertTrue(Math.abs(quitRight - (end.getWidth() - 1 - VIEW_PADDING)) <= 2,
            "Quit AgentMon whole at the footer's right end, inside the view's padding: its edge at x=" + quitRight);
        System.out.println("after the wheel: " + fit.seen());
        assertTrue(java.util.Arrays.equals(outer, fit.outerBounds()), "the window did not move or grow");
      }
    }
  }

  /**
   * Reads the photograph from the bottom up, inside Details' sides: the view's bottom padding, the
   * footer's buttons, the separator, then Details' bottom edge (a line), and above it, after Details'
   * padding, a band as tall as the footer's buttons: the Copy diagnostics button, whole.
   */
  private static boolean lastRowWhole(BufferedImage img) {
    if (img == null) {
      return false;
    }
    List<int[]> runs = runs(img); // {empty 0/1, length}, from the bottom
    if (runs.size() < 8 || runs.get(0)[0] != 1) {
      return false;
    }
    int footer = runs.get(1)[1];
    int detailsEdge = runs.get(5)[1];
    int copy = runs.get(7)[1];
    return runs.get(3)[1] <= 3 && detailsEdge <= 2 && Math.abs(copy - footer) <= 1;
  }

  /** @return the right-most column drawn in the footer's rows (Quit AgentMon's right edge), or -1 */
  private static int footerRightEdge(BufferedImage img) {
    List<int[]> runs = runs(img);
    int background = img.getRGB(img.getWidth() / 2, img.getHeight() - 1);
    int bottom = img.getHeight() - 1 - runs.get(0)[1];
    int right = -1;
    for (int y = bottom; y > bottom - runs.get(1)[1]; y--) {
      for (int px = img.getWidth() - 1; px > right; px--) {
        if (img.getRGB(px, y) != background) {
          right = px;
        }
      }
    }
    return right;
  }

  /** @return the runs of empty and non-empty rows from the bottom up, as {empty, length} */
  private static List<int[]> runs(BufferedImage img) {
    int background = img.getRGB(img.getWidth() / 2, img.getHeight() - 1);
    List<int[]> runs = new ArrayList<>();
    for (int y = img.getHeight() - 1; y >= 0; y--) {
      boolean empty = true;
      for (int px = FROM_LEFT; px < img.getWidth() - SCROLL_BAR_COLUMNS && empty; px++) {
        empty = img.getRGB(px, y) == background;
      }
      int e = empty ? 1 : 0;
      if (!runs.isEmpty() && runs.get(runs.size() - 1)[0] == e) {
        runs.get(runs.size() - 1)[1]++;
      } else {
        runs.add(new int[] {e, 1});
      }
    }
    return runs;
  }
}
