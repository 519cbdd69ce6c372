package org.agentmon.usrtask.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real X display for a test class: its own {@code Xvfb} on a display number it picks itself and a
 * {@code trayer} panel as the tray host, and optionally {@code openbox} as the window manager. Skips the class, with the reason, when they are missing.
 */
public final class XServer implements BeforeAllCallback, AfterAllCallback {
  private final List<Process> started = new ArrayList<>();
  private final boolean windowManager;
  private final String screen;
  private boolean panelReserved;
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
    this(windowManager, "1024x768");
  }

  /**
   * @param windowManager also run {@code openbox}
   * @param screen the screen's size, e.g. {@code 1024x1000}
   */
  public XServer(boolean windowManager, String screen) {
    this.windowManager = windowManager;
    this.screen = screen;
  }

  /**
   * Has the tray host's panel reserve its room at the screen's bottom edge, as desktop panels do: a
   * window manager then leaves it out of the usable area (else windows may cover the panel, or it them).
   *
   * @return this
   */
  public XServer panelReserved() {
    panelReserved = true;
    return this;
  }

  /** @return the display, e.g. {@code :93} */
  public String display() {
    return display;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    for (String tool : windowManager ? List.of("Xvfb", "trayer", "xwininfo", "import", "openbox", "xprop", "xdotool")
        : List.of("Xvfb", "trayer", "xwininfo", "import", "xdotool")) {
      Assumptions.assumeTrue(onPath(tool), tool + " is not installed (apt-get install xvfb trayer x11-utils imagemagick xdotool openbox)");
    }
    // Xvfb picks a free display itself and says which on stdout (-displayfd): it also sees through
    // the lock files and sockets that killed servers leave in /tmp, which a scan by file name cannot.
    // -noreset: by default Xvfb resets itself whenever its last client disconnects (each xprop of the
    // wait below), and a client that connects during the reset loses its connection and exits; that
    // is how openbox died at start in a CI run.
    Process x = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", screen + "x24", "-nolisten", "tcp",
        "-noreset").redirectError(ProcessBuilder.Redirect.DISCARD).start();
    started.add(x);
    display = ":" + displayNumber(x);
    // A socket file left by an earlier, killed Xvfb exists before the new one listens: wait until
    // the server answers, or clients started now (trayer, openbox) fail to open the display and exit.
    Eventually.await(Duration.ofSeconds(10), "X server " + display + " answering",
        () -> run("xprop", "-root", "-len", "0", "_NET_ACTIVE_WINDOW").startsWith("_NET_ACTIVE_WINDOW"),
        () -> run("xprop", "-root", "-len", "0", "_NET_ACTIVE_WINDOW"));
    ProcessBuilder trayer = new ProcessBuilder("trayer", "--edge", "bottom", "--widthtype", "pixel", "--width", "200",
        "--height", "24", "--SetPartialStrut", Boolean.toString(panelReserved)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    trayer.environment().put("DISPLAY", display);
    started.add(trayer.start());
    if (windowManager) {
      Path wmLog = Files.createTempFile("agentmon-openbox", ".log");
      ProcessBuilder wm = new ProcessBuilder("openbox").redirectErrorStream(true).redirectOutput(wmLog.toFile());
      wm.environment().put("DISPLAY", display);
      Process openbox = wm.start();
      started.add(openbox);
      Eventually.await(Duration.ofSeconds(30), "openbox managing " + display,
          () -> run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK").contains("window id"),
          () -> "openbox alive=" + openbox.isAlive() + "; xprop: " + run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")
              + "; openbox said: " + readQuietly(wmLog));
      Files.deleteIfExists(wmLog);
    }
    Eventually.await(Duration.ofSeconds(10), "trayer's panel on " + display, () -> tree().contains("\"panel\""),
        this::tree);
  }

  @Override
  public void afterAll(ExtensionContext context) throws InterruptedException {
    // SIGTERM first: Xvfb then removes its lock file and socket, and the next class finds /tmp clean.
    for (int i = started.size() - 1; i >= 0; i--) {
      Process p = started.get(i);
      p.destroy();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }

  /** Reads the display number Xvfb writes once it listens; fails the class if none comes within 30 s. */
  private static String displayNumber(Process x) throws Exception {
    CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
      try {
        return new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      } catch (IOException e) {
        return null;
      }
    });
    String n;
    try {
      n = line.get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      n = null;
    }
    if (n == null || !n.trim().matches("[0-9]+")) {
      x.destroyForcibly();
      throw new IllegalStateException("Xvfb -displayfd gave no display number (got " + n + ", alive " + x.isAlive() + ")");
    }
    return n.trim();
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

  static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
