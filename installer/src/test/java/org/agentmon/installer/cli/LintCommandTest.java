package org.agentmon.installer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.agentmon.installer.testing.Tool;
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
    assertEquals(dir.resolve("missing.plist") + ": error: (file): cannot read " + dir.resolve("missing.plist")
        + ": No such file or directory\n", out.toString());
  }

  @Test
  void fifoOversizeAndMalformedFilesEachGetAFindingAndTheNextFileIsStillLinted() throws Exception {
    Tool.assume("mkfifo");
    Path fifo = dir.resolve("fifo.plist");
    assertEquals(0, Tool.run(null, List.of("mkfifo", fifo.toString())).exitCode());
    Path sparse = dir.resolve("sparse.plist");
    try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
      f.setLength(9L << 20);
    }
    Path malformed = dir.resolve("malformed.plist");
    Files.writeString(malformed, "<?xml version=\"1.0\"?><plist><dict><key>Label</key></plist>");
    Path last = write("last.plist", "<key>Label</key><string>a</string><key>Program</key><string>/bin/true</string>"
        + "<key>OnDemand</key><true/>");
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> run("lint", fifo.toString(), sparse.toString(),
          malformed.toString(), last.toString()), "lint must not block on a FIFO nor read 9 MiB");
    } finally {
      System.setErr(saved);
    }
    assertEquals(1, code, out.toString());
    List<String> lines = out.toString().lines().toList();
    assertEquals(4, lines.size(), out.toString());
    assertEquals(fifo + ": error: (file): not a regular file but a FIFO (named pipe); not read", lines.get(0));
    assertEquals(sparse + ": error: (file): 9437184 bytes, over the 8 MiB limit for a property list; not read",
        lines.get(1));
    assertTrue(lines.get(2).startsWith(malformed + ": error: (file): not a property list: "), lines.get(2));
    assertEquals(last + ": warning: OnDemand: deprecated since Mac OS X 10.5; use KeepAlive", lines.get(3));
    assertEquals("", stderr.toString(StandardCharsets.UTF_8) + err);
  }

  @Test
  void aLinkToAPlistIsLintedAsItsTarget() throws IOException {
    Path real = write("real.plist", "<key>Label</key><string>a</string><key>Program</key><string>/bin/true</string>"
        + "<key>OnDemand</key><true/>");
    Path link = Files.createSymbolicLink(dir.resolve("link.plist"), real);
    assertEquals(0, run("lint", link.toString()));
    assertEquals(link + ": warning: OnDemand: deprecated since Mac OS X 10.5; use KeepAlive\n", out.toString());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("lint"));
    assertEquals(2, run("lint", "--bogus", "x.plist"));
    assertEquals(2, run("frobnicate"));
  }
}
