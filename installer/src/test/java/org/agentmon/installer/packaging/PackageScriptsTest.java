package org.agentmon.installer.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.installer.render.Layout;
import org.agentmon.installer.render.RenderedFile;
import org.agentmon.installer.render.Renderer;
import org.agentmon.installer.testing.Tool;
import org.agentmon.platform.Labels;
import org.agentmon.platform.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package build scripts and the rendered maintainer scripts parse as shell, and the macOS
 * script (which needs a Mac to run) agrees with the layout the jobs point at.
 */
class PackageScriptsTest {
  static final Path SCRIPTS = Path.of("src/package");

  @TempDir Path dir;

  @Test
  void buildScriptsParse() throws IOException {
    Tool.assume("bash");
    for (String s : List.of("build-linux.sh", "build-macos.sh", "mac-acceptance.sh")) {
      Tool.Result r = Tool.run(null, List.of("bash", "-n", SCRIPTS.resolve(s).toString()));
      assertEquals(0, r.exitCode(), s + ": " + r.output());
    }
  }

  @Test
  void renderedMaintainerScriptsParseAsPosixShell() throws IOException {
    Tool.assume("sh");
    for (Platform p : Platform.values()) {
      for (RenderedFile f : Renderer.render(Layout.standard(p), "1.0.0")) {
        if (!f.installed() && (f.mode() == Renderer.SCRIPT_MODE || f.text().startsWith("#!"))) {
          Path script = dir.resolve(f.path().replace('/', '_'));
          Files.writeString(script, f.text());
          Tool.Result r = Tool.run(null, List.of("sh", "-n", script.toString()));
          assertEquals(0, r.exitCode(), f.path() + ": " + r.output());
          assertTrue(f.text().startsWith("#!/bin/sh\n"), f.path());
        }
      }
    }
  }

  @Test
  void macScriptBuildsTheBundleTheJobsPointAt() throws IOException {
    String script = Files.readString(SCRIPTS.resolve("build-macos.sh"));
    Layout mac = Layout.standard(Platform.MACOS);
    assertEquals("/Applications/AgentMon.app", mac.prefix());
    assertTrue(script.contains("--name AgentMon "), "bundle name must give " + mac.prefix());
    assertTrue(script.contains("--mac-package-identifier " + Labels.BUNDLE_ID), Labels.BUNDLE_ID);
    assertTrue(script.contains("--add-launcher usrtask="), "LaunchAgent runs " + mac.usrTaskProgram());
    assertTrue(script.contains("--add-launcher agentmon-installer="), "postinstall runs " + mac.installerProgram());
    assertTrue(script.contains("cp \"$helper_jar\" \"$out/input/agentmon.jar\""), "LaunchDaemon runs " + mac.helperJar());
  }

  /** What only a Mac can show has a named PASS/FAIL check in the acceptance script. */
  @Test
  void macAcceptanceCoversWhatLinuxCannotShow() throws IOException {
    String script = Files.readString(SCRIPTS.resolve("mac-acceptance.sh"));
    for (String check : List.of("no-console-user", "helper-running-without-login", "heartbeat-without-login",
        "socket-from-launch_activate_socket", "no-inetd", "throttle-interval", "restart-says-restarted",
        "settings-switch-vs-start-at-login", "no-dock-icon-plist", "template-image", "retina", "no-deadlock",
        "pkg-gatekeeper", "pkg-stapled", "app-gatekeeper", "app-signature", "no-native-code-in-jars",
        "junixsocket-from-the-bundle", "javafx-natives-from-the-bundle", "pkg-installs-with-login-off",
        "login-items-entry", "newsyslog-entry", "admin-nested-group")) {
      assertTrue(script.contains("\"" + check), check);
    }
    assertTrue(Files.isExecutable(SCRIPTS.resolve("mac-acceptance.sh")));
  }
}
