package org.agentmon.usrtask;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.agentmon.usrtask.testing.AppProcess;
import org.agentmon.usrtask.testing.DesktopSession;
import org.agentmon.usrtask.testing.Eventually;
import org.agentmon.usrtask.testing.Gtk3;
import org.agentmon.usrtask.testing.HelperProcess;
import org.agentmon.usrtask.testing.XServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * AgentMon on a real display where GTK 3 cannot load (hidden in a private mount namespace when it
 * is installed): it says what to install and follows the helper on the terminal, no stack trace.
 */
class UsrTaskWithoutGtkIT {
  @RegisterExtension static final XServer X = new XServer();

  @TempDir Path dir;

  @Test
  void saysWhatToInstallAndFallsBackToTheStatusLine() throws Exception {
    Path jar = DesktopSession.jar();
    List<Path> gtk = Gtk3.libraryFiles();
    Assumptions.assumeTrue(gtk.isEmpty() || (isRoot() && Files.isExecutable(Path.of("/usr/bin/unshare"))),
        "hiding the installed GTK 3 needs root and unshare (a private mount namespace)");
    Map<String, String> env = DesktopSession.env(dir, X);
    try (HelperProcess helper = new HelperProcess(Files.createDirectories(dir.resolve("helper")), List.of())) {
      helper.start();
      // In its own mount namespace, /dev/null is mounted over each GTK 3 library file: the loader finds
      // the name but cannot load it, as on a machine without the package.
      StringBuilder script = new StringBuilder();
      for (Path lib : gtk) {
        script.append("mount --bind /dev/null '").append(lib).append("' && ");
      }
      script.append("exec \"$0\" \"$@\"");
      List<String> cmd = new ArrayList<>(gtk.isEmpty() ? List.of() : List.of("/usr/bin/unshare", "-m", "sh", "-c",
          script.toString()));
      cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
          "--socket", helper.socket().toString()));
      try (AppProcess app = AppProcess.start(dir.resolve("app.out"), env, cmd)) {
        Eventually.await(Duration.ofSeconds(60), "the GTK sentence, then the helper's status line",
            () -> app.output().contains("JavaFX needs GTK 3 (Debian/Ubuntu: apt-get install libgtk-3-0)")
                && app.output().contains("AgentMon is running"), app::output);
        assertTrue(app.process().isAlive(), "it keeps following the helper: " + app.output());
        assertFalse(app.output().contains("\tat ") || app.output().contains("Exception in thread"),
            "no stack trace: " + app.output());
      }
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
