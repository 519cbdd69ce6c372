package org.agentmon.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the direction of dependence that docs/architecture.md ("Who may use whom") describes,
 * by reading the sources: platform is the leaf below everything; protocol, files and retry use
 * only it; client uses protocol; upstream uses protocol, files and retry; daemon uses those three;
 * app and installer never touch daemon or cli.
 */
class DependencyDirectionTest {
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(org\\.agentmon\\.[a-z]+)\\.",
      Pattern.MULTILINE);
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void platformImportsNothingFromTheProject() throws IOException {
    assertEquals(List.of(), violations("helper/src/main/java/org/agentmon/platform", List.of("org.agentmon.platform")));
  }

  @Test
  void protocolFilesAndRetryImportNothingFromTheProjectButPlatform() throws IOException {
    for (String leaf : new String[] {"protocol", "files", "retry"}) {
      assertEquals(List.of(), violations("helper/src/main/java/org/agentmon/" + leaf,
          List.of("org.agentmon." + leaf, "org.agentmon.platform")), leaf);
    }
  }

  @Test
  void clientUsesOnlyProtocolAndDaemonOnlyTheLayersBelowIt() throws IOException {
    assertEquals(List.of(), violations("helper/src/main/java/org/agentmon/client",
        List.of("org.agentmon.client", "org.agentmon.protocol", "org.agentmon.platform", "org.agentmon.Build")));
    assertEquals(List.of(), violations("helper/src/main/java/org/agentmon/daemon",
        List.of("org.agentmon.daemon", "org.agentmon.protocol", "org.agentmon.upstream", "org.agentmon.files",
            "org.agentmon.platform", "org.agentmon.Build")));
  }

  @Test
  void upstreamUsesOnlyProtocolFilesAndRetry() throws IOException {
    assertEquals(List.of(), violations("helper/src/main/java/org/agentmon/upstream",
        List.of("org.agentmon.upstream", "org.agentmon.protocol", "org.agentmon.files", "org.agentmon.retry",
            "org.agentmon.platform")));
  }

  @Test
  void appAndInstallerNeverImportTheDaemon() throws IOException {
    for (String module : new String[] {"app/src", "installer/src"}) {
      for (String v : imports(module)) {
        assertTrue(!v.startsWith("org.agentmon.daemon.") && !v.startsWith("org.agentmon.cli."),
            module + " imports " + v);
      }
    }
  }

  @Test
  void theAppUsesTheInstallerOnlyForTheLoginItemsFiles() throws IOException {
    assertEquals(List.of(), imports("app/src/main").stream().filter(v -> v.startsWith("org.agentmon.installer."))
        .filter(v -> !v.equals("org.agentmon.installer.render.UsrTaskLoginItem")).toList(),
        "platform facts come from org.agentmon.platform; only the login item's rendering is the installer's");
  }

  @Test
  void everyMainPackageHasAPackageInfo() throws IOException {
    List<String> missing = MainSources.files().stream().map(Path::getParent).distinct()
        .filter(d -> !Files.exists(d.resolve("package-info.java"))).map(d -> ROOT.relativize(d).toString()).toList();
    assertEquals(List.of(), missing);
  }

  @Test
  void theArchitecturePageNamesEveryHelperPackageAndModule() throws IOException {
    Path page = ROOT.resolve("docs/architecture.md");
    assertTrue(Files.isRegularFile(page), "docs/architecture.md is missing: the tests above enforce what it says");
    String text = Files.readString(page);
    List<String> unnamed = new ArrayList<>();
    Path helper = ROOT.resolve("helper/src/main/java");
    try (Stream<Path> files = Files.walk(helper)) {
      files.filter(p -> p.toString().endsWith(".java")).map(p -> helper.relativize(p.getParent()).toString()
          .replace('/', '.')).distinct().filter(pkg -> !text.contains("`" + pkg + "`")).forEach(unnamed::add);
    }
    for (String prefix : new String[] {"org.agentmon.installer", "org.agentmon.usrtask"}) {
      if (!text.contains("`" + prefix + ".*`")) {
        unnamed.add(prefix);
      }
    }
    assertEquals(List.of(), unnamed, "packages docs/architecture.md does not describe");
  }

  private static List<String> violations(String dir, List<String> allowed) throws IOException {
    List<String> bad = new ArrayList<>();
    for (String imp : imports(dir)) {
      if (allowed.stream().noneMatch(imp::startsWith)) {
        bad.add(imp);
      }
    }
    return bad;
  }

  private static List<String> imports(String dir) throws IOException {
    Path base = ROOT.resolve(dir);
    List<String> found = new ArrayList<>();
    if (!Files.isDirectory(base)) {
      return found;
    }
    try (Stream<Path> files = Files.walk(base)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
        Matcher m = IMPORT.matcher(Files.readString(p));
        while (m.find()) {
          String line = Files.readString(p).substring(m.start()).split("\n", 2)[0];
          found.add(line.replace("import static ", "").replace("import ", "").replace(";", "").trim());
        }
      }
    }
    return found;
  }
}
