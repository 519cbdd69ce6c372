package org.agentmon.installer.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.agentmon.installer.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job plists other projects publish lint without errors: {@code verbatim/} holds their files
 * byte for byte (sources in {@code verbatim/NOTICE}), {@code real/} reproductions of more of them.
 */
class RealPlistsTest {
  static final String PRIVATE = "private key: not in launchd.plist(5), but Apple's own jobs use it and launchd"
      + " honours it; it may change without notice";

  @TempDir Path dir;

  private static List<String> sorted(List<Finding> findings) {
    return findings.stream().map(f -> f.format("")).sorted().collect(Collectors.toList());
  }

  static Stream<Path> realPlists() throws IOException, URISyntaxException {
    return Stream.concat(plists("real"), plists("verbatim"));
  }

  static Stream<Path> plists(String dir) throws IOException, URISyntaxException {
    Path d = Path.of(RealPlistsTest.class.getResource("/plists/" + dir).toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(d)) {
      files = s.filter(p -> p.toString().endsWith(".plist")).sorted().collect(Collectors.toList());
    }
    assertFalse(files.isEmpty(), "no fixtures in " + d);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("realPlists")
  void lintsWithoutErrors(Path plist) throws IOException {
    List<Finding> findings = PlistLinter.lint(plist, false);
    assertEquals(List.of(), findings.stream().filter(f -> f.severity() == Severity.ERROR).collect(Collectors.toList()),
        plist.getFileName().toString());
  }

  @Test
  void binaryFormsFromPlistlibLintTheSame() throws IOException, URISyntaxException {
    Tool.assume("python3");
    // plistlib rejects white space before the XML declaration (Tailscale's file); launchd does not.
    List<Path> xml = realPlists().filter(p -> !p.getFileName().toString().startsWith("tailscale."))
        .collect(Collectors.toList());
    // One python run converts them all (a run per file costs a second each on a busy machine).
    List<String> cmd = new java.util.ArrayList<>(List.of("python3", "-c",
        "import plistlib,sys\n"
            + "for src in sys.argv[2:]:\n"
            + "  v=plistlib.load(open(src,'rb'))\n"
            + "  open(sys.argv[1]+'/'+src.rsplit('/',1)[1],'wb').write(plistlib.dumps(v, fmt=plistlib.FMT_BINARY))\n",
        dir.toString()));
    xml.forEach(p -> cmd.add(p.toString()));
    Tool.Result r = Tool.run(null, cmd);
    assertEquals(0, r.exitCode(), r.output());
    for (Path plist : xml) {
      Path binary = dir.resolve(plist.getFileName());
      assertEquals("bplist", new String(Files.readAllBytes(binary), 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
      // plistlib writes keys sorted, so the findings come in another order.
      assertEquals(sorted(PlistLinter.lint(plist, false)), sorted(PlistLinter.lint(binary, false)),
          plist.getFileName().toString());
    }
  }

  @Test
  void knownDeviationsAreWarningsWithTheirKey() throws IOException, URISyntaxException {
    Path d = Path.of(RealPlistsTest.class.getResource("/plists/real").toURI());
    assertEquals(List.of(Finding.warning("Sockets.Listener.SockType", "\"Stream\" is usually written \"stream\"")),
        PlistLinter.lint(d.resolve("tunnelblick.tunnelblickd.plist"), false));
    assertEquals(List.of(Finding.warning("SHAuthorizationRight", "unknown key; launchd ignores it"),
        Finding.note("POSIXSpawnType", PRIVATE)), PlistLinter.lint(d.resolve("apple.ssh.plist"), false));
  }

  /** Regression: Apple's own cupsd plist was rejected ("SockPathMode 49663 is out of range"). */
  @Test
  void verbatimFilesHaveExactlyTheseFindings() throws IOException, URISyntaxException {
    Finding onDemand = Finding.warning("OnDemand", "deprecated since Mac OS X 10.5; use KeepAlive");
    java.util.Map<String, List<Finding>> expected = new java.util.TreeMap<>(java.util.Map.ofEntries(
        java.util.Map.entry("apple-cups.org.cups.cupsd.plist", List.of(Finding.warning("Sockets.Listeners[2].SockPathMode",
            "49663 (octal 0140777) has bits above 07777; they are dropped and 0777 applies"))),
        java.util.Map.entry("apple-mDNSResponder.LaunchDaemonInfo.helper.plist",
            List.of(Finding.note("BeginTransactionAtShutdown", PRIVATE), onDemand)),
        java.util.Map.entry("apple-mDNSResponder.LaunchDaemonInfo.plist", List.of(
            Finding.note("BeginTransactionAtShutdown", PRIVATE), Finding.note("POSIXSpawnType", PRIVATE), onDemand)),
        java.util.Map.entry("munki.com.googlecode.munki.authrestartd.plist", List.of()),
        java.util.Map.entry("munki.com.googlecode.munki.managedsoftwareupdate-check.plist", List.of()),
        java.util.Map.entry("osquery.com.facebook.osqueryd.plist", List.of()),
        java.util.Map.entry("osquery.io.osquery.agent.plist", List.of()),
        java.util.Map.entry("santa.com.google.santa.metricservice.plist", List.of()),
        java.util.Map.entry("santa.com.google.santad.plist", List.of()),
        java.util.Map.entry("tailscale.com.tailscale.tailscaled.plist", List.of(Finding.warning("(file)",
            "white space before the XML declaration: launchd reads the file, but standard XML parsers (xmllint,"
                + " Python's plistlib) reject it"))),
        java.util.Map.entry("tunnelblick.LeaseWatch3.plist", List.of()),
        java.util.Map.entry("tunnelblick.net.tunnelblick.tunnelblick.tunnelblickd.plist",
            List.of(Finding.warning("Sockets.Listener.SockType", "\"Stream\" is usually written \"stream\"")))));
    java.util.Map<String, List<Finding>> actual = new java.util.TreeMap<>();
    for (Path p : plists("verbatim").collect(Collectors.toList())) {
      actual.put(p.getFileName().toString(), PlistLinter.lint(p, false));
    }
    assertEquals(expected, actual);
  }
}
