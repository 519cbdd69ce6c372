package org.agentmon.installer.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regressions from launchd.plist(5) and the kernel: false positives (Apple's cupsd was rejected)
 * and misses (combinations that launchd refuses or misruns). Each asserts the exact findings.
 */
class LintExactnessTest {
  private static final String OK_PROGRAM =
      "<key>Label</key><string>org.example.job</string>"
      + "<key>ProgramArguments</key><array><string>/usr/bin/true</string></array>";

  private static List<Finding> lint(String dictBody) {
    return PlistLinter.lint(LintRulesTest.plist(OK_PROGRAM + dictBody));
  }

  private static String socket(String name, String body) {
    return "<key>Sockets</key><dict><key>" + name + "</key><dict>" + body + "</dict></dict>";
  }

  @Test
  void sockPathModeAboveThePermissionBitsIsAWarningNotAnError() {
    assertEquals(List.of(Finding.warning("Sockets.L.SockPathMode",
        "49663 (octal 0140777) has bits above 07777; they are dropped and 0777 applies")),
        lint(socket("L", "<key>SockPathName</key><string>/var/run/x</string><key>SockPathMode</key><integer>49663</integer>")));
  }

  @Test
  void octalLookingDecimalModeIsAWarning() {
    assertEquals(List.of(Finding.warning("Sockets.L.SockPathMode",
        "666 is decimal (octal 01232); plists have no octal integers: for mode 0666 write 438")),
        lint(socket("L", "<key>SockPathName</key><string>/var/run/x</string><key>SockPathMode</key><integer>666</integer>")));
    assertEquals(List.of(), lint(socket("L", "<key>SockPathName</key><string>/var/run/x</string>"
        + "<key>SockPathMode</key><integer>438</integer>")));
    assertEquals(List.of(), lint("<key>Umask</key><integer>18</integer>"));
    assertEquals(List.of(Finding.warning("Umask", "222 is decimal (octal 0336); plists have no octal integers: "
        + "for mode 0222 write 146")), lint("<key>Umask</key><integer>222</integer>"));
  }

  @Test
  void negativeModeIsAnError() {
    assertEquals(List.of(Finding.error("Sockets.L.SockPathMode", "-1 is negative; a mode is 0..4095 (octal 07777)")),
        lint(socket("L", "<key>SockPathName</key><string>/var/run/x</string><key>SockPathMode</key><integer>-1</integer>")));
  }

  @Test
  void inetdCompatibilityWithoutSocketsIsAnError() {
    assertEquals(List.of(Finding.error("inetdCompatibility", "set without Sockets: launchd has no socket to hand over")),
        lint("<key>inetdCompatibility</key><dict><key>Wait</key><true/></dict>"));
  }

  @Test
  void waitTrueWithMoreThanOneSocketIsAnError() {
    assertEquals(List.of(Finding.error("inetdCompatibility.Wait",
        "true hands over one listening socket on standard input, but Sockets has 2")),
        lint("<key>inetdCompatibility</key><dict><key>Wait</key><true/></dict><key>Sockets</key><dict>"
            + "<key>A</key><array><dict><key>SockServiceName</key><string>ipp</string></dict>"
            + "<dict><key>SockServiceName</key><string>ipps</string></dict></array></dict>"));
  }

  @Test
  void pathAndServiceInOneSocketIsAnError() {
    assertEquals(List.of(Finding.error("Sockets.L", "SockPathName and SockServiceName together: a socket is either a"
        + " Unix socket (a path) or a network socket (a port), not both")),
        lint(socket("L", "<key>SockPathName</key><string>/var/run/x</string><key>SockServiceName</key><string>ipp</string>")));
  }

  @Test
  void socketPathLongerThanSunPathIsAnError() {
    String p104 = "/var/run/" + "x".repeat(95);
    assertEquals(List.of(Finding.error("Sockets.L.SockPathName",
        "is 104 bytes; a Unix socket path on macOS holds at most 103 (sun_path is 104 bytes with the terminating NUL)")),
        lint(socket("L", "<key>SockPathName</key><string>" + p104 + "</string>")));
    assertEquals(List.of(), lint(socket("L", "<key>SockPathName</key><string>" + "/var/run/" + "x".repeat(94) + "</string>")));
  }

  @Test
  void relativePathsAreErrors() {
    assertEquals(List.of(
        Finding.error("StandardOutPath", "must be an absolute path: \"out.log\""),
        Finding.error("StandardErrorPath", "must be an absolute path: \"logs/err.log\""),
        Finding.error("WorkingDirectory", "must be an absolute path: \"work\""),
        Finding.error("WatchPaths[1]", "must be an absolute path: \"etc/x\""),
        Finding.error("KeepAlive.PathState.flag", "must be an absolute path: \"flag\"")),
        lint("<key>StandardOutPath</key><string>out.log</string><key>StandardErrorPath</key><string>logs/err.log</string>"
            + "<key>WorkingDirectory</key><string>work</string>"
            + "<key>WatchPaths</key><array><string>/etc/ok</string><string>etc/x</string></array>"
            + "<key>KeepAlive</key><dict><key>PathState</key><dict><key>flag</key><true/></dict></dict>"));
  }

  @Test
  void negativeTimesAreErrors() {
    assertEquals(List.of(Finding.error("ThrottleInterval", "-1 is below 0; must not be negative"),
        Finding.error("ExitTimeOut", "-5 is below 0; must not be negative")),
        lint("<key>ThrottleInterval</key><integer>-1</integer><key>ExitTimeOut</key><integer>-5</integer>"));
  }

  @Test
  void limitLoadToHostsIsNoLongerSupported() {
    assertEquals(List.of(Finding.warning("LimitLoadToHosts", "no longer supported; launchd ignores it")),
        lint("<key>LimitLoadToHosts</key><array><string>mac1</string></array>"));
  }

  @Test
  void applePrivateKeyIsANoteNotAnUnknownKey() {
    assertEquals(List.of(Finding.note("TransactionTimeLimitEnabled", "private key: not in launchd.plist(5), but Apple's"
        + " own jobs use it and launchd honours it; it may change without notice")),
        lint("<key>TransactionTimeLimitEnabled</key><false/>"));
    assertEquals(List.of(
        Finding.note("POSIXSpawnType", "private key: not in launchd.plist(5), but Apple's own jobs use it and launchd"
            + " honours it; it may change without notice"),
        Finding.error("POSIXSpawnType", "expected string, found boolean true")),
        lint("<key>POSIXSpawnType</key><true/>"));
    assertEquals(false, PlistLinter.hasErrors(lint("<key>BeginTransactionAtShutdown</key><true/>")));
  }

  @Test
  void whiteSpaceBeforeTheXmlDeclarationIsReadWithAWarning() {
    byte[] content = ("\n" + new String(LintRulesTest.plist(OK_PROGRAM), java.nio.charset.StandardCharsets.UTF_8))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(List.of(Finding.warning("(file)", "white space before the XML declaration: launchd reads the file,"
        + " but standard XML parsers (xmllint, Python's plistlib) reject it")), PlistLinter.lint(content));
  }
}
