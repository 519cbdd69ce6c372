package org.agentmon.installer.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.agentmon.installer.install.TreeWriter;
import org.agentmon.installer.render.Layout;
import org.agentmon.installer.render.RenderedFile;
import org.agentmon.installer.render.Renderer;
import org.agentmon.platform.Platform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code render}: writes every file the product installs, as a tree under {@code --out}. */
@Command(name = "render", description = "Write every plist, unit, autostart entry and package script under DIR.")
final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--platform", description = "macos or linux (default: this machine's)",
      converter = PlatformConverter.class)
  Platform platform = Platform.current();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory")
  Path out;

  @Option(names = "--prefix", paramLabel = "DIR", description = "installed application image "
      + "(default /Applications/AgentMon.app or /opt/agentmon)")
  String prefix;

  @Override
  public Integer call() {
    Layout layout = prefix == null ? Layout.standard(platform) : new Layout(platform, prefix);
    List<RenderedFile> files = Renderer.render(layout, InstallerVersion.version());
    try {
      for (Path p : TreeWriter.write(files, out)) {
        spec.commandLine().getOut().println(p);
      }
      return 0;
    } catch (IOException e) {
      spec.commandLine().getErr().println("agentmon-installer: error: " + e.getMessage());
      return 1;
    }
  }
}
