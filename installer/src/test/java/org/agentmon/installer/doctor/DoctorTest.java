package org.agentmon.installer.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.agentmon.installer.install.Host;
import org.agentmon.installer.install.InstallTarget;
import org.agentmon.installer.install.Installer;
import org.agentmon.installer.render.Layout;
import org.agentmon.installer.render.RenderedFile;
import org.agentmon.installer.render.Renderer;
import org.agentmon.platform.CommandResult;
import org.agentmon.platform.Platform;
import org.agentmon.protocol.Json;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} on a healthy temp root with a real helper, then with one fault at a time. */
class DoctorTest {
  static final int UID = (int) new com.sun.security.auth.module.UnixSystem().getUid();

  @TempDir Path root;
  final List<String> commands = new ArrayList<>();

  /** launchctl/systemctl as on a healthy machine; overridable per command. */
  final Map<String, CommandResult> answers = new java.util.HashMap<>(Map.of(
      "systemctl is-active agentmon.socket", new CommandResult(0, "active"),
      "systemctl is-enabled agentmon.socket", new CommandResult(0, "enabled"),
      "launchctl print system/org.agentmon.helper", new CommandResult(0, "system/org.agentmon.helper = {"),
      "launchctl print-disabled system", new CommandResult(0, "disabled services = {\n\t\"com.apple.ftpd\" => disabled\n}")));

  private InstallTarget target(Platform p) {
    return new InstallTarget(root, Layout.standard(p), "1.0.0", true);
  }

  private Host host() {
    return new Host(true, null, UID);
  }

  /** Installs into the temp root and puts the application image (java, jars, launchers) in place. */
  private void install(Platform p) throws IOException {
    InstallTarget t = new InstallTarget(root, Layout.standard(p), "1.0.0", false);
    StringWriter out = new StringWriter();
    assertEquals(0, new Installer(t, cmd -> new CommandResult(0, ""), host(), new PrintWriter(out), false).install(),
        out.toString());
    Layout l = t.layout();
    for (String exe : List.of(l.helperProgram(), l.java(), l.usrTaskProgram(), l.installerProgram())) {
      Path f = file(exe);
      Files.createDirectories(f.getParent());
      Files.writeString(f, "#!/bin/sh\n");
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.createDirectories(file(l.helperJar()).getParent());
    Files.writeString(file(l.helperJar()), "jar");
    // What the agentmon-desktop package brings besides UsrTask: its autostart entry.
    for (RenderedFile f : Renderer.render(l, "1.0.0")) {
      if (f.path().startsWith(Renderer.DESKTOP_PACKAGE_ROOT + "/")) {
        Path entry = file(f.path().substring(Renderer.DESKTOP_PACKAGE_ROOT.length()));
        Files.createDirectories(entry.getParent());
        Files.write(entry, f.content());
      }
    }
    Path socketDir = file(l.socket()).getParent();
    Files.createDirectories(socketDir);
    Files.setPosixFilePermissions(socketDir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Path file(String systemPath) {
    return root.resolve(systemPath.substring(1));
  }

  private RealHelper helper(Platform p, String... extraArgs) throws IOException, InterruptedException {
    Layout l = Layout.standard(p);
    Path logs = Files.createDirectories(root.resolve("test-logs"));
    return new RealHelper(file(l.socket()), file(l.stateDir()), logs, extraArgs);
  }

  private List<CheckResult> doctor(Platform p) {
    return new Doctor(target(p), cmd -> {
      String line = String.join(" ", cmd);
      commands.add(line);
      return answers.getOrDefault(line, new CommandResult(1, "unexpected command " + line));
    }, host()).run();
  }

  private static CheckResult check(List<CheckResult> results, String name) {
    return results.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  /** Runs doctor and returns the named check, which must have the given verdict. */
  private CheckResult expect(Platform p, String name, Verdict verdict) {
    List<CheckResult> results = doctor(p);
    CheckResult r = check(results, name);
    assertEquals(verdict, r.verdict(), summary(results));
    return r;
  }

  /** Installs, deletes one installed file, runs doctor and returns the named check, which must have the verdict. */
  private CheckResult expectWithout(Platform p, String systemPath, String name, Verdict verdict) throws IOException {
    install(p);
    Files.delete(file(systemPath));
    return expect(p, name, verdict);
  }

  private static String summary(List<CheckResult> results) {
    StringWriter s = new StringWriter();
    Doctor.print(results, new PrintWriter(s), false);
    return s.toString();
  }

  /** With a real helper on the installed layout, every check passes and the helper lives on. */
  private List<CheckResult> allPassWithARealHelper(Platform p) throws Exception {
    try (RealHelper h = helper(p)) {
      List<CheckResult> results = doctor(p);
      assertEquals(List.of("plist-lint", "plist-ownership", "program-exists", "program-trusted", "cds-archive",
          "socket-dir-safe", "socket-answers", "helper-version", "job-loaded", "job-disabled", "crash-loop", "enabled-flag",
          "config-private", "login-item"),
          results.stream().map(CheckResult::name).collect(Collectors.toList()));
      assertTrue(results.stream().allMatch(r -> r.verdict() == Verdict.PASS), summary(results));
      assertEquals(0, Doctor.exitCode(results));
      assertTrue(h.alive());
      return results;
    }
  }

  @Test
  void healthyLinuxInstallWithARealHelperPassesEveryCheck() throws Exception {
    install(Platform.LINUX);
    List<CheckResult> results = allPassWithARealHelper(Platform.LINUX);
    assertTrue(check(results, "socket-answers").message().matches("helper pid \\d+ answers: running, version .*"),
        summary(results));
    assertEquals(List.of("systemctl is-active agentmon.socket", "systemctl is-enabled agentmon.socket"), commands);
  }

  @Test
  void headlessLinuxInstallWithoutTheDesktopPackagePassesEveryCheck() throws Exception {
    install(Platform.LINUX);
    Layout l = Layout.standard(Platform.LINUX);
    Files.delete(file(l.usrTaskProgram()));
    Files.delete(file(l.loginItemFile()));
    List<CheckResult> results = allPassWithARealHelper(Platform.LINUX);
    assertTrue(check(results, "login-item").message().contains("agentmon-desktop"), summary(results));
  }

  @Test
  void healthyMacInstallWithARealHelperPassesEveryCheck() throws Exception {
    install(Platform.MACOS);
    allPassWithARealHelper(Platform.MACOS);
    assertEquals(List.of("launchctl print system/org.agentmon.helper", "launchctl print-disabled system"), commands);
  }

  @Test
  void groupWritablePlistFailsOwnership() throws Exception {
    install(Platform.MACOS);
    Files.setPosixFilePermissions(file("/Library/LaunchDaemons/org.agentmon.helper.plist"),
        PosixFilePermissions.fromString("rw-rw-r--"));
    List<CheckResult> results = doctor(Platform.MACOS);
    CheckResult r = check(results, "plist-ownership");
    assertEquals(Verdict.FAIL, r.verdict(), summary(results));
    assertEquals("/Library/LaunchDaemons/org.agentmon.helper.plist is group- or world-writable (0664); launchd refuses "
        + "such a job and anyone in that group could choose what root runs", r.message());
    assertEquals("sudo chmod 644 '/Library/LaunchDaemons/org.agentmon.helper.plist'", r.fix());
    assertEquals(1, Doctor.exitCode(results));
  }

  @Test
  void changedAutostartEntryIsComparedWithTheBundledOne() throws Exception {
    // Regression: the bundled entry is rendered under the desktop package's root, so the check never
    // found it and passed saying "units and autostart entry are the bundled ones".
    install(Platform.LINUX);
    Path entry = file(Layout.standard(Platform.LINUX).loginItemFile());
    Files.writeString(entry, Files.readString(entry) + "Hidden=true\n");
    CheckResult r = expect(Platform.LINUX, "plist-lint", Verdict.WARN);
    assertEquals(Layout.standard(Platform.LINUX).loginItemFile() + " differs from the bundled one", r.message());
  }

  @Test
  void missingProgramFailsProgramExists() throws Exception {
    CheckResult r = expectWithout(Platform.LINUX, "/opt/agentmon/lib/app/agentmon.jar", "program-exists", Verdict.FAIL);
    assertEquals("/opt/agentmon/lib/app/agentmon.jar is missing: the job points at a program that is not there", r.message());
    assertEquals("reinstall the AgentMon package, or: sudo /opt/agentmon/bin/agentmon-installer upgrade --prefix <where it is now>",
        r.fix());
  }

  /** Root runs the helper: a directory on the way that someone else can write is code execution as root. */
  @Test
  void othersWritableDirectoryOnTheWayToTheHelperFailsProgramTrusted() throws Exception {
    install(Platform.MACOS);
    Path app = file("/Applications/AgentMon.app/Contents/app");
    Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxrwxrwx"));
    CheckResult r = expect(Platform.MACOS, "program-trusted", Verdict.FAIL);
    assertTrue(r.message().startsWith("root runs the helper from a path others can change: " + app + " ("), r.message());
    assertTrue(r.message().endsWith(" rwxrwxrwx)"), r.message());
    Files.setPosixFilePermissions(app, PosixFilePermissions.fromString("rwxr-xr-x"));
    expect(Platform.MACOS, "program-trusted", Verdict.PASS);
  }

  @Test
  void staleSocketFileFailsSocketAnswers() throws Exception {
    install(Platform.MACOS);
    Path socket = file("/var/run/org.agentmon.helper.sock");
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(socket)); // closing leaves the file: a helper that died
    }
    assertTrue(Files.exists(socket));
    List<CheckResult> results = doctor(Platform.MACOS);
    CheckResult r = check(results, "socket-answers");
    assertEquals(Verdict.FAIL, r.verdict(), summary(results));
    assertTrue(r.message().startsWith("stale socket file /var/run/org.agentmon.helper.sock: nothing listens on it"),
        r.message());
    assertEquals("sudo rm '/var/run/org.agentmon.helper.sock' && sudo launchctl bootout system/org.agentmon.helper; "
        + "sudo launchctl bootstrap system /Library/LaunchDaemons/org.agentmon.helper.plist", r.fix());
    assertEquals(Verdict.PASS, check(results, "socket-dir-safe").verdict(), summary(results));
  }

  @Test
  void noSocketFailsSocketAnswersWithTheLoadCommand() throws Exception {
    install(Platform.LINUX);
    CheckResult r = expect(Platform.LINUX, "socket-answers", Verdict.FAIL);
    assertEquals("no socket at /run/agentmon/agentmon.sock: the job is not loaded", r.message());
    assertEquals("sudo systemctl enable --now agentmon.socket agentmon.path", r.fix());
  }

  @Test
  void realHelperInSafeModeAfterACrashFailsCrashLoop() throws Exception {
    install(Platform.MACOS);
    String[] oneCrashIsALoop = {"--crash-loop-starts", "1", "--crash-loop-window", "600", "--min-uptime", "600"};
    RealHelper first = helper(Platform.MACOS, oneCrashIsALoop);
    first.crash(); // SIGKILL: a run with no recorded end, seconds after its start
    try (RealHelper h = helper(Platform.MACOS, oneCrashIsALoop)) {
      List<CheckResult> results = doctor(Platform.MACOS);
      CheckResult r = check(results, "crash-loop");
      assertEquals(Verdict.FAIL, r.verdict(), summary(results));
      assertTrue(r.message().startsWith("helper is in safe mode after "), r.message());
      assertEquals("fix the cause (see /Library/Logs/AgentMon/helper.log), then: "
          + "sudo /Applications/AgentMon.app/Contents/MacOS/agentmon restart", r.fix());
      assertEquals(Verdict.PASS, check(results, "socket-answers").verdict(), summary(results));
      assertTrue(h.alive());
    }
  }

  @Test
  void safeModeReasonIsShown() throws Exception {
    // The exact wording of a reason, through the real client, from a stand-in on a real socket.
    install(Platform.MACOS);
    try (FakeHelper h = new FakeHelper(file("/var/run/org.agentmon.helper.sock"),
        FakeHelper.status(RunState.SAFE_MODE.wire(), 12, "12 starts in 10 minutes"))) {
      CheckResult r = expect(Platform.MACOS, "crash-loop", Verdict.FAIL);
      assertEquals("helper is in safe mode after 12 starts in the last hour: 12 starts in 10 minutes", r.message());
      assertTrue(h.open());
    }
  }

  @Test
  void disabledOverrideFailsJobDisabled() throws Exception {
    install(Platform.MACOS);
    answers.put("launchctl print-disabled system", new CommandResult(0,
        "disabled services = {\n\t\"org.agentmon.helper\" => disabled\n}"));
    answers.put("launchctl print system/org.agentmon.helper", new CommandResult(113,
        "Could not find service \"org.agentmon.helper\" in domain for system"));
    List<CheckResult> results = doctor(Platform.MACOS);
    CheckResult disabled = check(results, "job-disabled");
    assertEquals(Verdict.FAIL, disabled.verdict(), summary(results));
    assertEquals("sudo launchctl enable system/org.agentmon.helper", disabled.fix());
    CheckResult loaded = check(results, "job-loaded");
    assertEquals(Verdict.FAIL, loaded.verdict());
    assertEquals("sudo launchctl bootstrap system /Library/LaunchDaemons/org.agentmon.helper.plist", loaded.fix());
  }

  @Test
  void stoppedHelperIsAWarningNotAFailure() throws Exception {
    CheckResult r = expectWithout(Platform.LINUX, "/var/lib/agentmon/enabled", "enabled-flag", Verdict.WARN);
    assertEquals("sudo /opt/agentmon/bin/agentmon start", r.fix());
  }

  @Test
  void everyCheckRunsAndJsonListsThemAll() throws Exception {
    List<CheckResult> results = doctor(Platform.LINUX); // nothing installed at all
    StringWriter s = new StringWriter();
    Doctor.print(results, new PrintWriter(s), true);
    List<?> json = (List<?>) Json.parse(s.toString());
    assertEquals(Doctor.CHECKS.size(), json.size());
    assertEquals("plist-lint", ((Map<?, ?>) json.get(0)).get("name"));
    assertEquals("FAIL", ((Map<?, ?>) json.get(0)).get("verdict"));
    assertEquals("sudo /opt/agentmon/bin/agentmon-installer install", ((Map<?, ?>) json.get(0)).get("fix"));
    assertEquals(1, Doctor.exitCode(results));
  }
}
