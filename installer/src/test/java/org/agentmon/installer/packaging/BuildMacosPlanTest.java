package org.agentmon.installer.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.agentmon.installer.render.Layout;
import org.agentmon.installer.render.RenderedFile;
import org.agentmon.installer.render.Renderer;
import org.agentmon.installer.testing.Tool;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build-macos.sh --plan}: the exact steps a Mac would run, checked on Linux. It refuses a
 * usrtask.jar without macOS JavaFX, takes one architecture's native code out of the jars into the
 * bundle, signs inside out with the hardened runtime and the JVM's entitlements, builds a signed
 * distribution package for that CPU only, notarizes and staples; unsigned without identities.
 */
class BuildMacosPlanTest {
  static final Path SCRIPT = Path.of("src/package/build-macos.sh");
  static final String SIGNED_ENV = "AGENTMON_APP_SIGN=Developer ID Application: AgentMon (TEAM123456)";

  @TempDir Path dir;
  Path macJar;

  private Path jar(String name, String... entries) throws IOException {
    Path d = Files.createDirectories(dir.resolve(name + ".d"));
    List<String> cmd = new ArrayList<>(List.of("zip", "-q", dir.resolve(name).toString()));
    for (String e : entries) {
      Path f = d.resolve(e);
      Files.createDirectories(f.getParent());
      Files.writeString(f, "x");
      cmd.add(e);
    }
    Tool.Result r = Tool.run(d, cmd);
    assertEquals(0, r.exitCode(), r.output());
    return dir.resolve(name);
  }

  @BeforeEach
  void tools() throws IOException {
    Tool.assume("bash");
    Tool.assume("zip");
    Tool.assume("unzip");
    macJar = jar("usrtask-mac.jar", "libglass.dylib", "libprism_es2.dylib", "com/sun/glass/ui/mac/MacApplication.class");
  }

  private Tool.Result plan(String arch, Path usrtask, String... env) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("env"));
    cmd.addAll(List.of(env));
    cmd.addAll(List.of("bash", SCRIPT.toString(), "--plan", arch, dir.resolve("out").toString(), "1.2.3",
        macJar.toString(), usrtask.toString(), macJar.toString()));
    return Tool.run(null, cmd);
  }

  private Tool.Result signedPlan(String arch) throws IOException {
    return plan(arch, macJar, SIGNED_ENV, "AGENTMON_PKG_SIGN=Developer ID Installer: AgentMon (TEAM123456)",
        "AGENTMON_NOTARY_PROFILE=agentmon-notary");
  }

  @Test
  void aUsrtaskJarBuiltForLinuxIsRefused() throws IOException {
    Path linux = jar("usrtask-linux.jar", "libglass.so", "libglassgtk3.so", "com/sun/glass/ui/gtk/GtkApplication.class");
    Tool.Result r = plan("arm64", linux);
    assertEquals(1, r.exitCode(), r.output());
    assertTrue(r.output().contains("refusing " + linux + ": it has no libglass.dylib, so it was not built for macOS"),
        r.output());
    assertTrue(r.output().contains("-Djavafx.platform=mac-aarch64"), r.output());
    Path both = jar("usrtask-both.jar", "libglass.dylib", "libglass.so");
    assertEquals(1, plan("x86_64", both).exitCode());
    assertEquals(2, plan("ppc", macJar).exitCode(), "an unknown architecture is a usage error");
  }

  @Test
  void unsignedPlanSaysSoAndSignsNothing() throws IOException {
    Tool.Result r = plan("arm64", macJar);
    assertEquals(0, r.exitCode(), r.output());
    String out = dir.resolve("out").toString();
    List<String> lines = r.output().lines().toList();
    assertTrue(lines.contains("build-macos: UNSIGNED build: set AGENTMON_APP_SIGN, AGENTMON_PKG_SIGN and "
        + "AGENTMON_NOTARY_PROFILE to sign and notarize"), r.output());
    assertTrue(lines.stream().noneMatch(l -> l.contains("codesign") || l.contains("productsign")
        || l.contains("notarytool")), r.output());
    assertTrue(lines.contains("productbuild --distribution " + out + "/render/package/distribution-arm64.xml "
        + "--package-path " + out + " " + out + "/unsigned.pkg"), r.output());
    assertTrue(lines.contains("mv " + out + "/unsigned.pkg " + out + "/AgentMon-1.2.3-arm64.pkg"), r.output());
    assertFalse(Files.exists(dir.resolve("out")), "a plan changes nothing");
  }

  @Test
  void nativeCodeOfThisArchitectureOnlyLeavesTheJarsForTheBundle() throws IOException {
    String out = dir.resolve("out").toString();
    for (String arch : List.of("arm64", "x86_64")) {
      Tool.Result r = plan(arch, macJar);
      assertEquals(0, r.exitCode(), r.output());
      String jni = arch.equals("arm64") ? "aarch64-MacOSX-clang" : "x86_64-MacOSX-clang";
      String jna = arch.equals("arm64") ? "darwin-aarch64" : "darwin-x86-64";
      List<String> lines = r.output().lines().toList();
      assertTrue(lines.contains("unzip -j -o '" + out + "/input/agentmon.jar' 'lib/" + jni
          + "/jni/libjunixsocket-native-*.dylib' -d '" + out + "/native' && mv '" + out
          + "/native'/libjunixsocket-native-*.dylib '" + out + "/native/libjunixsocket-native.dylib'"), r.output());
      assertTrue(lines.contains("unzip -j -o " + out + "/input/agentmon.jar com/sun/jna/" + jna
          + "/libjnidispatch.jnilib -d " + out + "/native"), r.output());
      for (String jar : List.of("agentmon.jar", "usrtask.jar", "agentmon-installer.jar")) {
        assertTrue(lines.contains("zip -q -d '" + out + "/input/" + jar + "' '*.dylib' '*.jnilib' '*.so' '*.dll' '*.a'"
            + " || [ $? -eq 12 ]"), jar + "\n" + r.output());
      }
      assertTrue(lines.contains("lipo -archs '" + out + "/native/libglass.dylib' | grep -qw " + arch), r.output());
      assertTrue(lines.contains("cp '" + out + "/native'/* '" + out + "/image/AgentMon.app/Contents/Frameworks/'"));
    }
  }

  @Test
  void signedPlanSignsInsideOutNotarizesAndStaples() throws IOException {
    Tool.Result r = signedPlan("arm64");
    assertEquals(0, r.exitCode(), r.output());
    String out = dir.resolve("out").toString();
    String app = out + "/image/AgentMon.app";
    String ent = out + "/render/package/entitlements.plist";
    List<String> lines = r.output().lines().toList();
    assertFalse(r.output().contains("UNSIGNED"), r.output());
    List<String> signing = lines.stream().filter(l -> l.contains("codesign") || l.startsWith("productsign")
        || l.startsWith("xcrun") || l.startsWith("spctl")).toList();
    String id = "'Developer ID Application: AgentMon (TEAM123456)'";
    assertEquals(List.of(
        "find '" + app + "/Contents/Frameworks' '" + app + "/Contents/runtime' -type f \\( -name '*.dylib' -o -name "
            + "'*.jnilib' \\) -exec codesign --force --timestamp --options runtime --sign " + id + " {} +",
        "find '" + app + "/Contents/runtime/Contents/Home/bin' '" + app + "/Contents/runtime/Contents/Home/lib' -type f "
            + "-perm -u+x ! -name '*.dylib' -exec codesign --force --timestamp --options runtime --entitlements '" + ent
            + "' --sign " + id + " {} +",
        "codesign --force --timestamp --options runtime --sign Developer\\ ID\\ Application:\\ AgentMon\\ \\(TEAM123456\\) "
            + app + "/Contents/runtime",
        "find '" + app + "/Contents/MacOS' -type f -exec codesign --force --timestamp --options runtime --entitlements '"
            + ent + "' --sign " + id + " {} +",
        "codesign --force --timestamp --options runtime --sign Developer\\ ID\\ Application:\\ AgentMon\\ \\(TEAM123456\\) "
            + "--entitlements " + ent + " " + app,
        "codesign --verify --deep --strict --verbose=2 " + app,
        "productsign --sign Developer\\ ID\\ Installer:\\ AgentMon\\ \\(TEAM123456\\) --timestamp " + out
            + "/unsigned.pkg " + out + "/AgentMon-1.2.3-arm64.pkg",
        "xcrun notarytool submit " + out + "/AgentMon-1.2.3-arm64.pkg --keychain-profile agentmon-notary --wait",
        "xcrun stapler staple " + out + "/AgentMon-1.2.3-arm64.pkg",
        "xcrun stapler validate " + out + "/AgentMon-1.2.3-arm64.pkg",
        "spctl --assess --type install --verbose " + out + "/AgentMon-1.2.3-arm64.pkg"), signing);
    // Signing comes after the natives are in the bundle, and the pkg is built from the signed app.
    assertTrue(lines.indexOf("cp '" + out + "/native'/* '" + app + "/Contents/Frameworks/'")
        < lines.indexOf(signing.get(0)));
    assertTrue(lines.indexOf("codesign --verify --deep --strict --verbose=2 " + app)
        < lines.indexOf("cp -R " + app + " " + out + "/pkgroot/Applications/"));
  }

  /**
   * The bundle's {@code agentmon} launcher (the helper's program and the CLI) keeps the rendered
   * CDS archive flag; the archive itself is made by the postinstall's {@code upgrade}, outside the
   * signed bundle, before anything is signed or packaged.
   */
  @Test
  void launcherCarriesTheCdsArchiveFlag() throws IOException {
    Tool.Result r = signedPlan("arm64");
    assertEquals(0, r.exitCode(), r.output());
    Path out = dir.resolve("out");
    String check = "grep -o -- '-XX:SharedArchiveFile=[^ ]*' '" + out.resolve("render/package/launchers/agentmon.properties")
        + "' | grep -qFf - '" + out.resolve("image/AgentMon.app/Contents/app/agentmon.cfg") + "'";
    List<String> lines = r.output().lines().toList();
    assertTrue(lines.contains(check), r.output());
    assertTrue(lines.indexOf(check) > lines.indexOf(lines.stream().filter(l -> l.startsWith("jpackage ")).findFirst()
        .orElseThrow()), "after jpackage wrote agentmon.cfg");
    assertTrue(lines.indexOf(check) < lines.indexOf(lines.stream().filter(l -> l.contains("codesign")).findFirst()
        .orElseThrow()), "before signing");
    List<RenderedFile> files = Renderer.render(Layout.standard(Platform.MACOS), "1.2.3");
    String launcher = files.stream().filter(f -> f.path().equals("package/launchers/agentmon.properties"))
        .findFirst().orElseThrow().text();
    assertTrue(launcher.contains(" -XX:SharedArchiveFile=" + Layout.standard(Platform.MACOS).cdsArchive() + " "),
        launcher);
    assertTrue(files.stream().filter(f -> f.path().equals("package/scripts/postinstall")).findFirst().orElseThrow()
        .text().contains(" upgrade --platform macos"), "the postinstall's upgrade makes the archive");
  }

  /** Every rendered file the plan uses is one the installer renders: the launchers, entitlements, distribution. */
  @Test
  void everyRenderedFileThePlanNamesExists() throws IOException {
    Tool.Result r = signedPlan("x86_64");
    assertEquals(0, r.exitCode(), r.output());
    Matcher m = Pattern.compile(Pattern.quote(dir.resolve("out").toString()) + "/render/([A-Za-z0-9_./-]+[a-z])")
        .matcher(r.output());
    Set<String> named = new java.util.TreeSet<>();
    while (m.find()) {
      named.add(m.group(1));
    }
    Set<String> rendered = Renderer.render(Layout.standard(Platform.MACOS), "1.2.3").stream().map(RenderedFile::path)
        .map(p -> p.startsWith("/") ? p.substring(1) : p).collect(Collectors.toSet());
    assertTrue(named.containsAll(List.of("package/launchers/agentmon.properties", "package/entitlements.plist",
        "package/distribution-x86_64.xml", "package/scripts")), named.toString());
    for (String n : named) {
      assertTrue(rendered.contains(n) || rendered.stream().anyMatch(p -> p.startsWith(n + "/")), n + " in " + rendered);
    }
  }
}
