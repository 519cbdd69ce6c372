package org.agentmon.installer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.installer.testing.Tool;
import org.agentmon.platform.HelperCommand;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing of the helper's output is lost or grows without bound on macOS: launchd writes stdout
 * and stderr to files (stdout is no longer the socket), the JVM's fatal-error report goes to the
 * log directory, newsyslog rotates every log the jobs name, and the working directory is fixed.
 */
class MacLogsTest {
  @TempDir Path dir;

  @Test
  void newsyslogRotatesExactlyTheLogsTheHelperWrites() throws IOException {
    Layout layout = Layout.standard(Platform.MACOS);
    RenderedFile conf = Renderer.render(layout, "1").stream()
        .filter(f -> f.path().equals("/etc/newsyslog.d/org.agentmon.conf")).findFirst().orElseThrow();
    assertEquals(Renderer.FILE_MODE, conf.mode());
    List<String> entries = conf.text().lines().filter(l -> !l.startsWith("#")).toList();
    assertEquals(List.of(
        "/Library/Logs/AgentMon/helper.log\troot:admin\t640\t5\t10240\t*\tNJ",
        "/Library/Logs/AgentMon/helper.stdout.log\troot:admin\t640\t5\t10240\t*\tNJ",
        "/Library/Logs/AgentMon/helper.stderr.log\troot:admin\t640\t5\t10240\t*\tNJ"), entries);
    // The same paths as the plist and the helper's --log-file: one fact, three users.
    List<String> argv = HelperLaunch.programArguments(layout);
    assertEquals(layout.helperLogFile(), argv.get(argv.indexOf("--log-file") + 1));
    String plist = HelperLaunchDaemon.plist(layout).toXMLPropertyList();
    for (String entry : entries) {
      String path = entry.split("\t")[0];
      assertTrue(path.equals(layout.helperLogFile()) || plist.contains("<string>" + path + "</string>"), path);
    }
  }

  @Test
  void helperDaemonWritesStdoutAndCrashReportsToTheLogDirectory() throws IOException {
    org.agentmon.installer.install.TreeWriter.write(Renderer.render(Layout.standard(Platform.MACOS), "1"), dir);
    String repr = Tool.plistlib(dir.resolve("Library/LaunchDaemons/org.agentmon.helper.plist"));
    assertTrue(repr.contains("'StandardOutPath': '/Library/Logs/AgentMon/helper.stdout.log'"), repr);
    assertTrue(repr.contains("'StandardErrorPath': '/Library/Logs/AgentMon/helper.stderr.log'"), repr);
    assertTrue(repr.contains("'WorkingDirectory': '/Library/Application Support/AgentMon'"), repr);
    assertTrue(Files.readString(dir.resolve("package/launchers/agentmon.properties"))
        .contains(" -XX:ErrorFile=/Library/Logs/AgentMon/hs_err_%p.log "));
    assertTrue(Files.readString(dir.resolve("etc/newsyslog.d/org.agentmon.conf")).contains("helper.stdout.log"));
  }

  @Test
  void linuxLeavesLogsToTheJournal() {
    Layout layout = Layout.standard(Platform.LINUX);
    assertTrue(Renderer.render(layout, "1").stream().noneMatch(f -> f.path().contains("newsyslog")));
    assertTrue(HelperLaunch.programArguments(layout).stream().noneMatch(a -> a.startsWith("-XX:ErrorFile")));
    assertTrue(HelperLaunch.programArguments(layout).containsAll(HelperCommand.jvmFlags()));
  }
}
