package org.agentmon.installer.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: an upgrade failed ("Bootstrap failed: 119: Service is disabled", postinstall exit
 * 1) when a logged-in user had turned Start at Login off. The fake launchctl answers 119 and 5
 * as launchd does; the commands that would run are asserted exactly.
 */
class StartAtLoginOffTest {
  static final String AGENT = "/Library/LaunchAgents/org.agentmon.usrtask.plist";
  static final String DAEMON = "/Library/LaunchDaemons/org.agentmon.helper.plist";
  static final String OFF_FOR_USRTASK = "disabled services = {\n\t\"com.apple.Siri.agent\" => enabled\n"
      + "\t\"org.agentmon.usrtask\" => disabled\n}";

  @TempDir Path root;

  /** Installs, then makes the helper plist stale so that upgrade has work to do. */
  private void installedAndStale() throws IOException {
    Fixtures f = new Fixtures(root, Platform.MACOS, RecordingRunner.mac());
    assertEquals(0, f.installer(false, false, false).install(), f.text.toString());
    Path plist = root.resolve(DAEMON.substring(1));
    Files.writeString(plist, Files.readString(plist).replace("<integer>10</integer>", "<integer>1</integer>"));
  }

  private Fixtures upgrade(RecordingRunner runner) {
    Fixtures u = new Fixtures(root, Platform.MACOS, runner);
    assertEquals(0, u.installer(false, true, true).upgrade(), u.text.toString());
    return u;
  }

  @Test
  void userWhoTurnedStartAtLoginOffIsSkippedAndTheUpgradeSucceeds() throws IOException {
    installedAndStale();
    RecordingRunner runner = RecordingRunner.mac()
        .answer("launchctl print-disabled gui/502", 0, OFF_FOR_USRTASK)
        .answer("launchctl bootstrap gui/502 " + AGENT, 119, "Bootstrap failed: 119: Service is disabled");
    Fixtures u = upgrade(runner);
    assertEquals(List.of(
        "/bin/ps -axo uid=,comm=",
        "launchctl print system/org.agentmon.helper",
        "launchctl bootout system/org.agentmon.helper",
        "launchctl print-disabled system",
        "launchctl bootstrap system " + DAEMON,
        "launchctl print-disabled gui/501",
        "launchctl print gui/501/org.agentmon.usrtask",
        "launchctl bootout gui/501/org.agentmon.usrtask",
        "launchctl bootstrap gui/501 " + AGENT,
        "launchctl print-disabled gui/502",
        "launchctl print gui/502/org.agentmon.usrtask"), runner.commands);
    assertTrue(u.lines().contains("skip launchctl bootstrap gui/502 " + AGENT + " (user 502 turned Start at Login off)"),
        u.text.toString());
  }

  @Test
  void disabledAnswerWithoutAnOverrideIsAWarningNotAFailure() throws IOException {
    installedAndStale();
    RecordingRunner runner = RecordingRunner.mac()
        .answer("launchctl bootstrap gui/502 " + AGENT, 119, "Bootstrap failed: 119: Service is disabled");
    Fixtures u = upgrade(runner);
    assertTrue(u.lines().contains("warning: user 502 turned Start at Login off; AgentMon was not started for user 502"
        + " (exit 119: Bootstrap failed: 119: Service is disabled); it starts at their next login"), u.text.toString());
  }

  @Test
  void anyPerUserFailureIsAWarning() throws IOException {
    installedAndStale();
    RecordingRunner runner = RecordingRunner.mac()
        .answer("launchctl bootout gui/501/org.agentmon.usrtask", 150, "Boot-out failed: 150: Operation not permitted")
        .answer("launchctl bootstrap gui/502 " + AGENT, 125, "Bootstrap failed: 125: Domain does not support specified action");
    Fixtures u = upgrade(runner);
    assertTrue(u.lines().contains("warning: could not stop AgentMon for gui/501/org.agentmon.usrtask (exit 150: "
        + "Boot-out failed: 150: Operation not permitted); leaving it as it is"), u.text.toString());
    assertFalse(runner.commands.contains("launchctl bootstrap gui/501 " + AGENT), runner.commands.toString());
    assertTrue(u.lines().contains("warning: AgentMon was not started for user 502 (exit 125: Bootstrap failed: 125: "
        + "Domain does not support specified action); it starts at their next login"), u.text.toString());
  }

  @Test
  void inputOutputErrorAfterBootoutIsRetried() throws IOException {
    installedAndStale();
    String eio = "Bootstrap failed: 5: Input/output error";
    RecordingRunner runner = RecordingRunner.mac()
        .answerOnce("launchctl bootstrap system " + DAEMON, 5, eio)
        .answerOnce("launchctl bootstrap gui/501 " + AGENT, 5, eio)
        .answerOnce("launchctl bootstrap gui/501 " + AGENT, 5, eio);
    Fixtures u = upgrade(runner);
    assertEquals(2, runner.commands.stream().filter(c -> c.equals("launchctl bootstrap system " + DAEMON)).count());
    assertEquals(3, runner.commands.stream().filter(c -> c.equals("launchctl bootstrap gui/501 " + AGENT)).count());
    assertEquals(3, u.lines().stream().filter(l -> l.equals(
        "launchd is still removing the old job (" + eio + "); trying again in 1 s")).count(), u.text.toString());
    assertFalse(u.text.toString().contains("warning:"), u.text.toString());
  }

  @Test
  void upgradeKeepsAnAdministratorsDisabledHelperDisabled() throws IOException {
    installedAndStale();
    RecordingRunner runner = RecordingRunner.mac().answer("launchctl print-disabled system", 0,
        "disabled services = {\n\t\"org.agentmon.helper\" => disabled\n}");
    Fixtures u = upgrade(runner);
    assertFalse(runner.commands.contains("launchctl enable system/org.agentmon.helper"), runner.commands.toString());
    assertFalse(runner.commands.contains("launchctl bootstrap system " + DAEMON), runner.commands.toString());
    assertTrue(u.lines().contains("skip launchctl bootstrap system " + DAEMON + " (an administrator disabled "
        + "org.agentmon.helper; to start it: launchctl enable system/org.agentmon.helper && launchctl bootstrap system "
        + DAEMON + ")"), u.text.toString());
  }

  @Test
  void installEnablesTheHelperAndASystemFailureStillFails() throws IOException {
    RecordingRunner runner = RecordingRunner.mac()
        .answer("launchctl bootstrap system " + DAEMON, 5, "Bootstrap failed: 5: Input/output error");
    Fixtures f = new Fixtures(root, Platform.MACOS, runner);
    assertEquals(1, f.installer(false, true, true).install(), f.text.toString());
    assertTrue(runner.commands.contains("launchctl enable system/org.agentmon.helper"));
    assertEquals(LaunchdManager.BOOTSTRAP_TRIES,
        runner.commands.stream().filter(c -> c.equals("launchctl bootstrap system " + DAEMON)).count());
    assertTrue(f.text.toString().endsWith("agentmon-installer: error: failed (exit 5): launchctl bootstrap system "
        + DAEMON + "\nBootstrap failed: 5: Input/output error\n"), f.text.toString());
  }

  @Test
  void oldPrintDisabledFormatIsRead() {
    assertTrue(DisabledServices.disabled("disabled services = {\n\t\"org.agentmon.usrtask\" => true\n}", "org.agentmon.usrtask"));
    assertFalse(DisabledServices.disabled("disabled services = {\n\t\"org.agentmon.usrtask\" => false\n}", "org.agentmon.usrtask"));
    assertFalse(DisabledServices.disabled("\t\"org.agentmon.usrtask.x\" => disabled\n", "org.agentmon.usrtask"));
  }
}
