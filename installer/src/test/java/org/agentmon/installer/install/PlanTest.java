package org.agentmon.installer.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact plans, step by step, and the exact launchctl/systemctl commands run. */
class PlanTest {
  @TempDir Path root;

  private static final String O = Fixtures.owner().equals("0:0") ? "root" : "as-is";

  private List<String> macFileSteps() {
    String r = root.toString();
    return List.of(
        "mkdir 0755 " + O + " " + r + "/Library",
        "mkdir 0755 " + O + " " + r + "/Library/LaunchDaemons",
        "write 0644 " + O + " " + r + "/Library/LaunchDaemons/org.agentmon.helper.plist",
        "mkdir 0755 " + O + " " + r + "/Library/LaunchAgents",
        "write 0644 " + O + " " + r + "/Library/LaunchAgents/org.agentmon.usrtask.plist",
        "mkdir 0755 " + O + " " + r + "/etc",
        "mkdir 0755 " + O + " " + r + "/etc/newsyslog.d",
        "write 0644 " + O + " " + r + "/etc/newsyslog.d/org.agentmon.conf",
        "mkdir 0755 " + O + " " + r + "/Library/Application Support",
        "mkdir 0700 " + O + " " + r + "/Library/Application Support/AgentMon",
        "mkdir 0755 " + O + " " + r + "/Library/Logs",
        "mkdir 0755 " + O + " " + r + "/Library/Logs/AgentMon",
        "write 0600 " + O + " " + r + "/Library/Application Support/AgentMon/enabled",
        "write 0600 " + O + " " + r + "/Library/Application Support/AgentMon/installed.manifest",
        "lint " + r + "/Library/LaunchDaemons/org.agentmon.helper.plist: ok",
        "lint " + r + "/Library/LaunchAgents/org.agentmon.usrtask.plist: ok",
        "skip CDS archive /Library/Caches/AgentMon/agentmon.jsa (made by the installed runtime when installing into /)");
  }

  private static final List<String> MAC_SERVICE_STEPS = List.of(
      "run launchctl bootout system/org.agentmon.helper",
      "run launchctl enable system/org.agentmon.helper",
      "run launchctl bootstrap system /Library/LaunchDaemons/org.agentmon.helper.plist",
      "run launchctl bootout gui/501/org.agentmon.usrtask",
      "run launchctl bootstrap gui/501 /Library/LaunchAgents/org.agentmon.usrtask.plist",
      "skip launchctl bootout gui/502/org.agentmon.usrtask (not loaded)",
      "run launchctl bootstrap gui/502 /Library/LaunchAgents/org.agentmon.usrtask.plist");

  /** The installer's output ends with exactly these lines. */
  private static void assertLastLines(Fixtures f, String... expected) {
    List<String> lines = f.lines();
    assertEquals(List.of(expected), lines.subList(Math.max(0, lines.size() - expected.length), lines.size()),
        f.text.toString());
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void macDryRunPrintsThePlanAndChangesNothing() throws IOException {
    Fixtures f = Fixtures.mac(root);
    assertEquals(0, f.installer(true, true, true).install(), f.text.toString());
    assertTrue(f.text.toString().startsWith("agentmon-installer install: macos into " + root
        + " (dry run: nothing is changed)\n"), f.text.toString());
    assertEquals(concat(macFileSteps(), MAC_SERVICE_STEPS), f.lines());
    // Only read-only queries ran.
    assertEquals(List.of(
        "/bin/ps -axo uid=,comm=",
        "launchctl print system/org.agentmon.helper",
        "launchctl print-disabled gui/501",
        "launchctl print gui/501/org.agentmon.usrtask",
        "launchctl print-disabled gui/502",
        "launchctl print gui/502/org.agentmon.usrtask"), f.runner.commands);
    assertEquals(List.of(), f.tree());
  }

  @Test
  void macInstallRunsExactlyTheseCommands() throws IOException {
    Fixtures f = Fixtures.mac(root);
    assertEquals(0, f.installer(false, true, true).install(), f.text.toString());
    assertEquals(concat(macFileSteps(), MAC_SERVICE_STEPS), f.lines());
    assertEquals(List.of(
        "/bin/ps -axo uid=,comm=",
        "launchctl print system/org.agentmon.helper",
        "launchctl bootout system/org.agentmon.helper",
        "launchctl enable system/org.agentmon.helper",
        "launchctl bootstrap system /Library/LaunchDaemons/org.agentmon.helper.plist",
        "launchctl print-disabled gui/501",
        "launchctl print gui/501/org.agentmon.usrtask",
        "launchctl bootout gui/501/org.agentmon.usrtask",
        "launchctl bootstrap gui/501 /Library/LaunchAgents/org.agentmon.usrtask.plist",
        "launchctl print-disabled gui/502",
        "launchctl print gui/502/org.agentmon.usrtask",
        "launchctl bootstrap gui/502 /Library/LaunchAgents/org.agentmon.usrtask.plist"), f.runner.commands);
  }

  @Test
  void macWithoutLaunchdPrintsTheCommandsToRun() throws IOException {
    Fixtures f = Fixtures.mac(root);
    assertEquals(0, f.installer(true, true, false).install(), f.text.toString());
    assertLastLines(f,
        "launchd is not running here; run these commands as root yourself:",
        "  launchctl bootout system/org.agentmon.helper   # if loaded",
        "  launchctl enable system/org.agentmon.helper",
        "  launchctl bootstrap system /Library/LaunchDaemons/org.agentmon.helper.plist",
        "  launchctl bootstrap gui/<uid> /Library/LaunchAgents/org.agentmon.usrtask.plist   # for each logged-in user who did not turn Start at Login off");
    assertEquals(List.of(), f.runner.commands);
  }

  @Test
  void macUninstallBootsOutWhatIsLoaded() throws IOException {
    Fixtures f = Fixtures.mac(root).installed();
    Fixtures u = Fixtures.mac(root);
    assertEquals(0, u.installer(false, true, true).uninstall(false), u.text.toString());
    String r = root.toString();
    assertEquals(List.of(
        "run launchctl bootout gui/501/org.agentmon.usrtask",
        "skip launchctl bootout gui/502/org.agentmon.usrtask (not loaded)",
        "run launchctl bootout system/org.agentmon.helper",
        "remove " + r + "/Library/LaunchDaemons/org.agentmon.helper.plist",
        "remove " + r + "/Library/LaunchAgents/org.agentmon.usrtask.plist",
        "remove " + r + "/etc/newsyslog.d/org.agentmon.conf",
        "remove " + r + "/Library/Application Support/AgentMon/installed.manifest"), u.lines());
  }

  @Test
  void linuxDryRunPlan() throws IOException {
    Fixtures f = Fixtures.linux(root);
    assertEquals(0, f.installer(true, true, true).install(), f.text.toString());
    String r = root.toString();
    assertEquals(List.of(
        "mkdir 0755 " + O + " " + r + "/etc",
        "mkdir 0755 " + O + " " + r + "/etc/systemd",
        "mkdir 0755 " + O + " " + r + "/etc/systemd/system",
        "write 0644 " + O + " " + r + "/etc/systemd/system/agentmon.socket",
        "write 0644 " + O + " " + r + "/etc/systemd/system/agentmon.service",
        "write 0644 " + O + " " + r + "/etc/systemd/system/agentmon.path",
        "mkdir 0755 " + O + " " + r + "/var",
        "mkdir 0755 " + O + " " + r + "/var/lib",
        "mkdir 0700 " + O + " " + r + "/var/lib/agentmon",
        "write 0600 " + O + " " + r + "/var/lib/agentmon/enabled",
        "write 0600 " + O + " " + r + "/var/lib/agentmon/installed.manifest",
        "skip CDS archive /var/cache/agentmon/agentmon.jsa (made by the installed runtime when installing into /)",
        "run systemctl daemon-reload",
        "run systemctl enable --now agentmon.socket agentmon.path"), f.lines());
    assertEquals(List.of(), f.runner.commands);
    assertEquals(List.of(), f.tree());
  }

  @Test
  void linuxInstallAndUninstallRunExactlyTheseCommands() throws IOException {
    Fixtures f = Fixtures.linux(root);
    assertEquals(0, f.installer(false, true, true).install(), f.text.toString());
    assertEquals(0, f.installer(false, true, true).uninstall(false), f.text.toString());
    assertEquals(List.of(
        "systemctl daemon-reload",
        "systemctl enable --now agentmon.socket agentmon.path",
        "systemctl disable --now agentmon.path agentmon.socket",
        "systemctl stop agentmon.service",
        "systemctl daemon-reload"), f.runner.commands);
  }

  @Test
  void linuxWithoutSystemdSaysSoAndPrintsTheCommands() throws IOException {
    Fixtures f = Fixtures.linux(root);
    assertEquals(0, f.installer(false, true, false).install(), f.text.toString());
    assertLastLines(f,
        "launchd is not running here; run these commands as root yourself:",
        "  systemctl daemon-reload",
        "  systemctl enable --now agentmon.socket agentmon.path");
    assertTrue(Files.exists(root.resolve("etc/systemd/system/agentmon.service")));
  }

  @Test
  void failedCommandStopsWithTheCommandAndItsOutput() throws IOException {
    RecordingRunner runner = RecordingRunner.mac().answer(
        "launchctl bootstrap system /Library/LaunchDaemons/org.agentmon.helper.plist", 5,
        "Bootstrap failed: 5: Input/output error");
    Fixtures f = new Fixtures(root, Platform.MACOS, runner);
    assertEquals(1, f.installer(false, true, true).install());
    assertLastLines(f,
        "run launchctl bootstrap system /Library/LaunchDaemons/org.agentmon.helper.plist",
        "agentmon-installer: error: failed (exit 5): launchctl bootstrap system "
            + "/Library/LaunchDaemons/org.agentmon.helper.plist",
        "Bootstrap failed: 5: Input/output error");
    assertTrue(!runner.commands.contains("launchctl print gui/501/org.agentmon.usrtask"), runner.commands.toString());
  }
}
