package org.agentmon.usrtask.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real X display for a test class: its own {@code Xvfb :N} on a free display number and a
 * {@code trayer} panel as the tray host, and optionally {@code openbox} as the window manager. Skips the class, with the reason, when they are missing.
 */
public final class XServer implements BeforeAllCallback, AfterAllCallback {
  private final List<Process> started = new ArrayList<>();
  private final boolean windowManager;
  private String display;

  /** A display with a tray host and no window manager. */
  public XServer() {
    this(false);
  }

  /**
   * @param windowManager also run {@code openbox}: it sizes and places windows the way desktops do
   *     (bare Xvfb hides sizing bugs)
   */
  public XServer(boolean windowManager) {
    this.windowManager = windowManager;
  }

  /** @return the display, e.g. {@code :93} */
  public String display() {
    return display;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    for (String tool : windowManager ? List.of("Xvfb", "trayer", "xwininfo", "import", "openbox", "xprop")
        : List.of("Xvfb", "trayer", "xwininfo", "import", "xdotool")) {
      Assumptions.assumeTrue(onPath(tool), tool + " is not installed (apt-get install xvfb trayer x11-utils imagemagick xdotool openbox)");
    }
    for (int n = 91; n < 160 && display == null; n++) {
      if (inUse(n)) {
        continue;
      }
      Path unixSocket = Path.of("/tmp/.X11-unix/X" + n);
      Process x = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1024x768x24", "-nolisten", "tcp")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      started.add(x);
      try {
        Eventually.await(Duration.ofSeconds(10), "Xvfb :" + n + " listening",
            () -> !x.isAlive() || Files.exists(unixSocket), () -> "nothing");
      } catch (AssertionError e) {
        x.destroyForcibly();
        continue;
      }
      if (x.isAlive()) {
        display = ":" + n;
      }
    }
    Assumptions.assumeTrue(display != null, "no free X display number for Xvfb");
    // A socket file left by an earlier, killed Xvfb exists before the new one listens: wait until
    // the server answers, or clients started now (trayer, openbox) fail to open the display and exit.
    Eventually.await(Duration.ofSeconds(10), "X server " + display + " answering",
        () -> run("xprop", "-root", "-len", "0", "_NET_ACTIVE_WINDOW").startsWith("_NET_ACTIVE_WINDOW"),
        () -> run("xprop", "-root", "-len", "0", "_NET_ACTIVE_WINDOW"));
    ProcessBuilder trayer = new ProcessBuilder("trayer", "--edge", "bottom", "--widthtype", "pixel", "--width", "200",
        "--height", "24").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    trayer.environment().put("DISPLAY", display);
    started.add(trayer.start());
    if (windowManager) {
      ProcessBuilder wm = new ProcessBuilder("openbox").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD);
      wm.environment().put("DISPLAY", display);
      Process openbox = wm.start();
      started.add(openbox);
      Eventually.await(Duration.ofSeconds(30), "openbox managing " + display,
          () -> run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id"),
          () -> "openbox alive=" + openbox.isAlive() + "; xprop: " + run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK"));
    }
    Eventually.await(Duration.ofSeconds(10), "trayer's panel on " + display, () -> tree().contains("\"panel\""),
        this::tree);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).destroyForcibly();
    }
  }

  /** @return {@code xwininfo -root -tree} of this display */
  public String tree() {
    return run("xwininfo", "-root", "-tree");
  }

  /**
   * Runs an X client on this display.
   *
   * @param command the program and arguments
   * @return its output (stdout and stderr)
   */
  public String run(String... command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().put("DISPLAY", display);
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e.toString();
    }
  }

  /**
   * A display is in use while its lock file names a live process. Killed Xvfbs leave their lock and
   * socket files behind; Xvfb itself takes such a display over, and so may we (else a machine where
   * many tests ran runs out of display numbers and every X test is skipped).
   */
  private static boolean inUse(int n) {
    Path lock = Path.of("/tmp/.X" + n + "-lock");
    if (!Files.exists(lock)) {
      return Files.exists(Path.of("/tmp/.X11-unix/X" + n)); // a server without a lock file: not ours to judge
    }
    try {
      return ProcessHandle.of(Long.parseLong(Files.readString(lock).trim())).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return true; // unreadable: someone else's, leave it alone
    }
  }

  static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
