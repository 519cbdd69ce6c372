package org.agentmon.installer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint}'s output lines and exit codes. */
class LintCommandTest {
  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return InstallerCommand.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private Path write(String name, String dictBody) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict>" + dictBody + "</dict></plist>");
    return p;
  }

  @Test
  void cleanFileExitsZeroAndPrintsNothing() throws IOException {
    Path ok = write("ok.plist", "<key>Label</key><string>a</string><key>Program</key><string>/bin/true</string>");
    assertEquals(0, run("lint", ok.toString()));
    assertEquals("", out.toString());
  }

  @Test
  void warningsOnlyExitZero() throws IOException {
    Path w = write("w.plist", "<key>Label</key><string>a</string><key>Program</key><string>/bin/true</string>"
        + "<key>OnDemand</key><true/>");
    assertEquals(0, run("lint", w.toString()));
    assertEquals(w + ": warning: OnDemand: deprecated since Mac OS X 10.5; use KeepAlive\n", out.toString());
  }

  @Test
  void errorsExitOneWithOneLinePerFinding() throws IOException {
    Path ok = write("ok.plist", "<key>Label</key><string>a</string><key>Program</key><string>/bin/true</string>");
    Path bad = write("bad.plist", "<key>RunAtLoad</key><string>yes</string>");
    assertEquals(1, run("lint", ok.toString(), bad.toString()));
    assertEquals(bad + ": error: RunAtLoad: expected boolean, found string \"yes\"\n"
        + bad + ": error: Label: required key is missing\n"
        + bad + ": error: Program: neither Program nor ProgramArguments is set\n", out.toString());
  }

  @Test
  void unreadableFileIsAnError() {
    assertEquals(1, run("lint", dir.resolve("missing.plist").toString()));
    assertTrue(out.toString().startsWith(dir.resolve("missing.plist") + ": error: (file): cannot read: "), out.toString());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("lint"));
    assertEquals(2, run("lint", "--bogus", "x.plist"));
    assertEquals(2, run("frobnicate"));
  }
}
