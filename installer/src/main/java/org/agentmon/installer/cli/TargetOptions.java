package org.agentmon.installer.cli;

import java.nio.file.Path;
import org.agentmon.installer.install.InstallTarget;
import org.agentmon.installer.render.Layout;
import org.agentmon.platform.Platform;
import picocli.CommandLine.Option;

/** {@code --root}, {@code --platform}, {@code --prefix}: shared by install, uninstall, upgrade and doctor. */
final class TargetOptions {
  @Option(names = "--root", paramLabel = "DIR", description = "lay out under DIR instead of / "
      + "(a staging tree or another volume; launchctl/systemctl are then not called)")
  Path root = Path.of("/");

  @Option(names = "--platform", paramLabel = "P", converter = PlatformConverter.class,
      description = "macos or linux (default: this machine's)")
  Platform platform = Platform.current();

  @Option(names = "--prefix", paramLabel = "DIR",
      description = "installed application image (default /Applications/AgentMon.app or /opt/agentmon)")
  String prefix;

  Layout layout() {
    return prefix == null ? Layout.standard(platform) : new Layout(platform, prefix);
  }

  InstallTarget target() {
    return InstallTarget.of(root, layout(), InstallerVersion.version());
  }
}
