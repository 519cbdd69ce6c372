package org.agentmon.usrtask.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.agentmon.usrtask.testing.AppProcess;
import org.agentmon.usrtask.testing.Eventually;
import org.agentmon.usrtask.testing.XServer;

/**
 * One menu-bar process measured from launch to its window shown, on a display with a tray:
 * launch to tray icon (its "tray icon added" line), settle, idle CPU over a window with nothing
 * shown, RSS, a double click on its tray icon to the window being viewable, idle CPU while shown.
 *
 * @param launchMs start of the process to its "tray icon added" line
 * @param hiddenCpuPerMin CPU seconds per minute with the window hidden
 * @param rssMiB resident memory at the end of the hidden window
 * @param clickMs the double click on the tray icon to the window viewable (xwininfo)
 * @param shownCpuPerMin CPU seconds per minute with the window shown
 */
record Footprint(double launchMs, double hiddenCpuPerMin, double rssMiB, double clickMs, double shownCpuPerMin) {
  private static final Duration LONG = Duration.ofSeconds(60);
  private static final Pattern ICON = Pattern.compile("(0x[0-9a-f]+) [^\\n]*JavaEmbeddedFrame");

  /** How long each phase lasts. */
  record Timing(Duration settle, Duration window) {}

  static Footprint measure(XServer x, List<String> command, Map<String, String> env, Path out, String title,
      Timing t) throws IOException, InterruptedException {
    long start = System.nanoTime();
    try (AppProcess p = AppProcess.start(out, env, command)) {
      long pid = p.process().pid();
      Eventually.await(LONG, title + ": tray icon added", () -> p.output().contains("tray icon added"), p::output);
      double launchMs = (System.nanoTime() - start) / 1e6;
      Thread.sleep(t.settle().toMillis());
      double hidden = cpuPerMinute(pid, t.window(), title + ", window hidden");
      double rss = ProcFigures.rssMiB(pid);
      Eventually.await(LONG, title + ": its icon in trayer's panel", () -> ICON.matcher(x.tree()).find(), x::tree);
      Matcher icon = ICON.matcher(x.tree());
      icon.find();
      x.run("xdotool", "mousemove", "--window", icon.group(1), "8", "8");
      long click = System.nanoTime();
      x.run("xdotool", "click", "--repeat", "2", "--delay", "50", "1");
      Eventually.await(LONG, title + ": window viewable after the click",
          () -> x.run("xwininfo", "-name", title).contains("IsViewable"), p::output);
      double clickMs = (System.nanoTime() - click) / 1e6;
      Thread.sleep(t.settle().toMillis() / 3);
      double shown = cpuPerMinute(pid, t.window(), title + ", window shown");
      return new Footprint(launchMs, hidden, rss, clickMs, shown);
    }
  }

  /** Also prints the busiest threads of the window, under {@code label}. */
  private static double cpuPerMinute(long pid, Duration window, String label) throws IOException,
      InterruptedException {
    ProcFigures.CpuReading before = ProcFigures.CpuReading.of(pid);
    long t0 = System.nanoTime();
    Thread.sleep(window.toMillis());
    ProcFigures.CpuReading after = ProcFigures.CpuReading.of(pid);
    double used = after.secondsSince(before);
    System.out.println(label + ", busiest threads: " + after.busiest(before, 6));
    return used * 60e9 / (System.nanoTime() - t0);
  }
}
