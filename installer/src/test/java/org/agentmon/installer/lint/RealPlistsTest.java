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

/** Job plists other projects publish (Apple, Munki, osquery, Tunnelblick) lint without errors. */
class RealPlistsTest {
  @TempDir Path dir;

  static Stream<Path> realPlists() throws IOException, URISyntaxException {
    Path d = Path.of(RealPlistsTest.class.getResource("/plists/real").toURI());
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
    List<Path> xml = realPlists().collect(Collectors.toList());
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
      assertEquals(PlistLinter.lint(plist, false), PlistLinter.lint(binary, false), plist.getFileName().toString());
    }
  }

  @Test
  void knownDeviationsAreWarningsWithTheirKey() throws IOException, URISyntaxException {
    Path d = Path.of(RealPlistsTest.class.getResource("/plists/real").toURI());
    assertEquals(List.of(Finding.warning("Sockets.Listener.SockType", "\"Stream\" is usually written \"stream\"")),
        PlistLinter.lint(d.resolve("tunnelblick.tunnelblickd.plist"), false));
    assertEquals(List.of(Finding.warning("SHAuthorizationRight", "unknown key; launchd ignores it")),
        PlistLinter.lint(d.resolve("apple.ssh.plist"), false));
  }
}
