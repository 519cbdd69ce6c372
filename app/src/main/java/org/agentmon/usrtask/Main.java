package org.agentmon.usrtask;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.agentmon.client.SocketPaths;
import org.agentmon.platform.Platform;
import org.agentmon.usrtask.login.LoginItems;
import org.agentmon.usrtask.single.InstanceLock;
import org.agentmon.usrtask.single.UserDirs;
import org.agentmon.usrtask.ui.AppConfig;
import org.agentmon.usrtask.ui.UsrTaskApp;

/**
 * {@code java -jar usrtask.jar}: one UsrTask per user, wired to the helper's socket. Not an
 * {@code Application} subclass, so JavaFX runs from the class path of a plain jar.
 */
public final class Main {
  private Main() {}

  /**
   * @param args see {@link Options#USAGE}
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... argv) {
    Options o;
    try {
      o = Options.parse(argv);
    } catch (IllegalArgumentException e) {
      System.err.println("AgentMon: " + e.getMessage() + "\n" + Options.USAGE);
      return 2;
    }
    if (o.help()) {
      System.out.println(Options.USAGE);
      return 0;
    }
    try {
      return start(o);
    } catch (IOException e) {
      System.err.println("AgentMon: " + e.getMessage());
      return 1;
    }
  }

  private static int start(Options o) throws IOException {
    Path lockSocket = UserDirs.instanceSocket();
    InstanceLock lock;
    if (o.replace()) {
      lock = InstanceLock.replace(lockSocket, Duration.ofSeconds(15));
    } else {
      Optional<InstanceLock> mine = InstanceLock.acquireOrSend(lockSocket, InstanceLock.SHOW);
      if (mine.isEmpty()) {
        System.out.println("AgentMon is already running for this user; asked it to show its status window.");
        return 0;
      }
      lock = mine.get();
    }
    Path socket = o.socket() != null ? o.socket()
        : o.dev() ? UserDirs.runtimeDir("agentmon-dev").resolve("agentmon.sock") : SocketPaths.defaultSocket();
    DevHelper dev = o.dev() ? DevHelper.beside(socket) : null;
    if (dev != null) {
      if (dev.answers()) {
        System.out.println("AgentMon: using the helper already answering on " + socket);
      } else {
        System.out.println("AgentMon: starting a development helper on " + socket + " (log " + dev.logFile() + ")");
        dev.startHelper();
      }
    }
    long uid = uid();
    List<String> self = new ArrayList<>(SelfCommand.base());
    self.addAll(o.args().stream().filter(a -> !a.equals("--show")).toList());
    if (!hasDisplay()) {
      return followWithoutWindow("no display here", socket, dev);
    }
    if (Platform.onMac()) {
      System.setProperty("apple.awt.UIElement", "true"); // menu-bar app: no Dock icon
      System.setProperty("apple.awt.enableTemplateImages", "true");
    }
    Relauncher relauncher = new Relauncher(o.args(), uid);
    try {
      UsrTaskApp.launch(new AppConfig(socket, LoginItems.forCurrentUser(self, uid), dev, o.show(), o.noTray(), lock,
          relauncher::relaunch, o.theme()));
    } catch (RuntimeException | LinkageError e) {
      if (!GtkMissing.explains(e)) {
        throw e;
      }
      return followWithoutWindow(GtkMissing.MESSAGE, socket, dev);
    }
    return 0;
  }

  /** Says why there is no window, then prints the status line on the terminal until the process is stopped. */
  private static int followWithoutWindow(String why, Path socket, DevHelper dev) {
    System.out.println("AgentMon: " + why + ", so no window; following the helper on " + socket
        + " (Ctrl-C to stop" + (dev != null ? "; the helper keeps running" : "") + ").");
    try {
      HeadlessStatus.run(socket, System.out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static boolean hasDisplay() {
    if (GraphicsEnvironment.isHeadless()) {
      return false;
    }
    if (Platform.onMac()) {
      return true;
    }
    return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
  }

  private static long uid() {
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid();
    } catch (RuntimeException | LinkageError e) {
      return -1; // only launchctl domains need it; they are macOS-only
    }
  }
}
