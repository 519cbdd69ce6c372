package org.agentmon.installer.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSDictionary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per lint rule, each asserting the exact key and message. */
class LintRulesTest {
  private static final String OK_PROGRAM =
      "<key>Label</key><string>org.example.job</string>"
      + "<key>ProgramArguments</key><array><string>/usr/bin/true</string></array>";

  static byte[] plist(String dictBody) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
        + "<plist version=\"1.0\">\n<dict>" + dictBody + "</dict>\n</plist>\n").getBytes(StandardCharsets.UTF_8);
  }

  private static List<Finding> lint(String dictBody) {
    return PlistLinter.lint(plist(dictBody));
  }

  private static void assertOnly(Finding expected, List<Finding> actual) {
    assertEquals(List.of(expected), actual);
  }

  @Test
  void minimalJobHasNoFindings() {
    assertEquals(List.of(), lint(OK_PROGRAM));
  }

  @Test
  void parseErrorIsReportedOnTheFile() {
    List<Finding> f = PlistLinter.lint("<plist><dict><key>Label</key>".getBytes(StandardCharsets.UTF_8));
    assertEquals(1, f.size(), f.toString());
    assertEquals("(file)", f.get(0).key());
    assertEquals(Severity.ERROR, f.get(0).severity());
    assertTrue(f.get(0).message().startsWith("not a property list: "), f.get(0).message());
  }

  @Test
  void topLevelMustBeADictionary() {
    byte[] array = "<?xml version=\"1.0\"?><plist version=\"1.0\"><array/></plist>".getBytes(StandardCharsets.UTF_8);
    assertOnly(Finding.error("(file)", "top level must be a dictionary, found array"), PlistLinter.lint(array));
  }

  @Test
  void duplicateKeyIsAnError() {
    assertOnly(Finding.error("RunAtLoad", "duplicate key in one dictionary; only one of them takes effect"),
        lint(OK_PROGRAM + "<key>RunAtLoad</key><true/><key>RunAtLoad</key><false/>"));
  }

  @Test
  void duplicateKeyInANestedDictionaryNamesItsPath() {
    assertOnly(Finding.error("KeepAlive.SuccessfulExit", "duplicate key in one dictionary; only one of them takes effect"),
        lint(OK_PROGRAM + "<key>KeepAlive</key><dict><key>SuccessfulExit</key><false/>"
            + "<key>SuccessfulExit</key><true/></dict>"));
  }

  @Test
  void labelIsRequired() {
    assertOnly(Finding.error("Label", "required key is missing"),
        lint("<key>ProgramArguments</key><array><string>/usr/bin/true</string></array>"));
  }

  @Test
  void labelMustBeAString() {
    assertOnly(Finding.error("Label", "expected string, found integer 5"),
        lint("<key>Label</key><integer>5</integer><key>Program</key><string>/usr/bin/true</string>"));
  }

  @Test
  void labelMustNotBeEmpty() {
    assertOnly(Finding.error("Label", "must not be empty"),
        lint("<key>Label</key><string> </string><key>Program</key><string>/usr/bin/true</string>"));
  }

  @Test
  void aProgramIsRequired() {
    assertOnly(Finding.error("Program", "neither Program nor ProgramArguments is set"),
        lint("<key>Label</key><string>x</string>"));
  }

  @Test
  void programArgumentsMustNotBeEmptyWithoutProgram() {
    assertOnly(Finding.error("ProgramArguments", "must not be empty when Program is not set"),
        lint("<key>Label</key><string>x</string><key>ProgramArguments</key><array/>"));
  }

  @Test
  void programMustBeAbsolute() {
    assertOnly(Finding.error("Program", "must be an absolute path: \"bin/helper\""),
        lint("<key>Label</key><string>x</string><key>Program</key><string>bin/helper</string>"));
  }

  @Test
  void argvZeroMustBeAbsoluteWithoutProgram() {
    assertOnly(Finding.error("ProgramArguments[0]", "must be an absolute path when Program is not set: \"helper\""),
        lint("<key>Label</key><string>x</string><key>ProgramArguments</key><array><string>helper</string></array>"));
  }

  @Test
  void argvZeroMayBeBareWhenProgramIsSet() {
    assertEquals(List.of(), lint("<key>Label</key><string>x</string><key>Program</key><string>/usr/sbin/sshd</string>"
        + "<key>ProgramArguments</key><array><string>sshd</string><string>-i</string></array>"));
  }

  @Test
  void documentedKeyWithTheWrongType() {
    assertOnly(Finding.error("RunAtLoad", "expected boolean, found string \"YES\""),
        lint(OK_PROGRAM + "<key>RunAtLoad</key><string>YES</string>"));
  }

  @Test
  void socketModeAsAStringIsAnError() {
    assertOnly(Finding.error("Sockets.Listeners.SockPathMode", "expected integer, found string \"438\""),
        lint(OK_PROGRAM + "<key>Sockets</key><dict><key>Listeners</key><dict>"
            + "<key>SockPathName</key><string>/var/run/x.sock</string>"
            + "<key>SockPathMode</key><string>438</string></dict></dict>"));
  }

  @Test
  void pathStateValuesMustBeBooleans() {
    assertOnly(Finding.error("KeepAlive.PathState./var/db/flag", "expected boolean, found string \"true\""),
        lint(OK_PROGRAM + "<key>KeepAlive</key><dict><key>PathState</key><dict>"
            + "<key>/var/db/flag</key><string>true</string></dict></dict>"));
  }

  @Test
  void keepAliveIsBooleanOrDictionary() {
    assertOnly(Finding.error("KeepAlive", "expected boolean or dictionary, found integer 1"),
        lint(OK_PROGRAM + "<key>KeepAlive</key><integer>1</integer>"));
  }

  @Test
  void sessionTypeMustBeKnown() {
    assertOnly(Finding.error("LimitLoadToSessionType",
            "\"Gui\" is not one of Aqua, LoginWindow, Background, StandardIO, System"),
        lint(OK_PROGRAM + "<key>LimitLoadToSessionType</key><string>Gui</string>"));
  }

  @Test
  void sessionTypeInAnArrayNamesTheElement() {
    assertOnly(Finding.error("LimitLoadToSessionType[1]",
            "\"Desktop\" is not one of Aqua, LoginWindow, Background, StandardIO, System"),
        lint(OK_PROGRAM + "<key>LimitLoadToSessionType</key><array><string>Aqua</string>"
            + "<string>Desktop</string></array>"));
  }

  @Test
  void processTypeMustBeKnown() {
    assertOnly(Finding.error("ProcessType", "\"Fast\" is not one of Background, Standard, Adaptive, Interactive"),
        lint(OK_PROGRAM + "<key>ProcessType</key><string>Fast</string>"));
  }

  @Test
  void sockTypeMustBeKnown() {
    assertOnly(Finding.error("Sockets.L.SockType", "\"raw\" is not one of stream, dgram, seqpacket"),
        lint(OK_PROGRAM + "<key>Sockets</key><dict><key>L</key><dict><key>SockType</key><string>raw</string>"
            + "</dict></dict>"));
  }

  @Test
  void sockFamilyMustBeKnown() {
    assertOnly(Finding.error("Sockets.L[0].SockFamily", "\"Inet\" is not one of IPv4, IPv6, IPv4v6, Unix"),
        lint(OK_PROGRAM + "<key>Sockets</key><dict><key>L</key><array><dict>"
            + "<key>SockFamily</key><string>Inet</string></dict></array></dict>"));
  }

  @Test
  void enumeratedValueInAnotherCaseIsOnlyAWarning() {
    // launchd compares socket types without case; Tunnelblick ships "Stream".
    assertOnly(Finding.warning("Sockets.L.SockType", "\"Stream\" is usually written \"stream\""),
        lint(OK_PROGRAM + "<key>Sockets</key><dict><key>L</key><dict><key>SockType</key><string>Stream</string>"
            + "</dict></dict>"));
  }

  @Test
  void calendarIntervalFieldsHaveRanges() {
    assertOnly(Finding.error("StartCalendarInterval.Hour", "24 is out of range 0..23"),
        lint(OK_PROGRAM + "<key>StartCalendarInterval</key><dict><key>Hour</key><integer>24</integer></dict>"));
  }

  @Test
  void calendarIntervalArrayNamesTheElement() {
    assertOnly(Finding.error("StartCalendarInterval[1].Month", "0 is out of range 1..12"),
        lint(OK_PROGRAM + "<key>StartCalendarInterval</key><array>"
            + "<dict><key>Minute</key><integer>0</integer></dict>"
            + "<dict><key>Month</key><integer>0</integer></dict></array>"));
  }

  @Test
  void niceHasARange() {
    assertOnly(Finding.error("Nice", "30 is out of range -20..20"),
        lint(OK_PROGRAM + "<key>Nice</key><integer>30</integer>"));
  }

  @Test
  void unknownKeyGetsADidYouMean() {
    assertOnly(Finding.warning("RunAtLaod", "unknown key; did you mean RunAtLoad?"),
        lint(OK_PROGRAM + "<key>RunAtLaod</key><true/>"));
  }

  @Test
  void unknownNestedKeyGetsADidYouMean() {
    assertOnly(Finding.warning("KeepAlive.SucessfulExit", "unknown key; did you mean SuccessfulExit?"),
        lint(OK_PROGRAM + "<key>KeepAlive</key><dict><key>SucessfulExit</key><false/></dict>"));
  }

  @Test
  void unknownKeyFarFromAnyKnownOne() {
    assertOnly(Finding.warning("Frobnicate", "unknown key; launchd ignores it"),
        lint(OK_PROGRAM + "<key>Frobnicate</key><true/>"));
  }

  @Test
  void socketUnderTmpIsAWarning() {
    assertOnly(Finding.warning("Sockets.Listeners.SockPathName",
            "socket under a shared temporary directory (/var/tmp/x.sock) can be planted or replaced by any "
            + "local user; use /var/run"),
        lint(OK_PROGRAM + "<key>Sockets</key><dict><key>Listeners</key><dict>"
            + "<key>SockPathName</key><string>/var/tmp/x.sock</string></dict></dict>"));
  }

  @Test
  void onDemandIsDeprecated() {
    assertOnly(Finding.warning("OnDemand", "deprecated since Mac OS X 10.5; use KeepAlive"),
        lint(OK_PROGRAM + "<key>OnDemand</key><false/>"));
  }

  @Test
  void binaryPlistsAreCheckedToo() throws IOException {
    NSDictionary d = new NSDictionary();
    d.put("Label", "org.example.bin");
    d.put("Program", "/usr/bin/true");
    d.put("RunAtLoad", "yes");
    byte[] binary = BinaryPropertyListWriter.writeToArray(d);
    assertOnly(Finding.error("RunAtLoad", "expected boolean, found string \"yes\""), PlistLinter.lint(binary));
  }

  @Test
  void formatIsFileSeverityKeyMessage() {
    assertEquals("a.plist: warning: OnDemand: deprecated since Mac OS X 10.5; use KeepAlive",
        Finding.warning("OnDemand", "deprecated since Mac OS X 10.5; use KeepAlive").format("a.plist"));
  }
}
