package org.agentmon.installer.render;

import java.util.ArrayList;
import java.util.List;
import org.agentmon.platform.Labels;
import org.agentmon.platform.Platform;

/** Renders every file of one layout; the single source for {@code render}, {@code install} and checks. */
public final class Renderer {
  /** Mode of plists, units and entries: launchd refuses group/world-writable job files. */
  public static final int FILE_MODE = 0644;
  /** Mode of scripts. */
  public static final int SCRIPT_MODE = 0755;
  /** Where files of the agentmon-desktop package's own tree are rendered (Linux). */
  public static final String DESKTOP_PACKAGE_ROOT = "package/desktop";

  private Renderer() {}

  /**
   * @param layout where the product is installed
   * @param version the product version, for Info.plist
   * @return the files, installed ones (absolute paths) first
   */
  public static List<RenderedFile> render(Layout layout, String version) {
    List<RenderedFile> files = new ArrayList<>();
    if (layout.platform() == Platform.MACOS) {
      files.add(RenderedFile.of(layout.helperJobFile(),
          HelperLaunchDaemon.plist(layout).toXMLPropertyList(), FILE_MODE));
      files.add(RenderedFile.of(layout.loginItemFile(),
          UsrTaskLoginItem.launchAgentXml(layout.usrTaskArguments()), FILE_MODE));
      files.add(RenderedFile.of(layout.newsyslogFile(), NewsyslogConf.render(layout), FILE_MODE));
      files.add(RenderedFile.of("package/Info.plist",
          AppInfoPlist.plist(version).toXMLPropertyList(), FILE_MODE));
      files.add(RenderedFile.of("package/scripts/postinstall", PackageScripts.macPostinstall(layout), SCRIPT_MODE));
      files.addAll(LauncherConfigs.render(layout));
      files.add(RenderedFile.of("package/entitlements.plist", MacSigning.entitlements(), FILE_MODE));
      for (String arch : MacSigning.ARCHITECTURES) {
        files.add(RenderedFile.of("package/distribution-" + arch + ".xml", MacSigning.distribution(arch, version),
            FILE_MODE));
      }
    } else {
      String units = layout.unitDir() + "/";
      files.add(RenderedFile.of(units + Labels.SOCKET_UNIT, SystemdUnits.socket(layout), FILE_MODE));
      files.add(RenderedFile.of(units + Labels.SERVICE_UNIT, SystemdUnits.service(layout), FILE_MODE));
      files.add(RenderedFile.of(units + Labels.PATH_UNIT, SystemdUnits.path(layout), FILE_MODE));
      // The autostart entry belongs to the agentmon-desktop package (a conffile), not to install.
      files.add(RenderedFile.of(DESKTOP_PACKAGE_ROOT + layout.loginItemFile(),
          UsrTaskLoginItem.desktopEntry(UsrTaskLoginItem.execLine(layout.usrTaskArguments()), false), FILE_MODE));
      files.add(LauncherConfigs.linuxCli(layout));
      files.add(RenderedFile.of("package/debian/postinst", PackageScripts.debPostinst(layout), SCRIPT_MODE));
      files.add(RenderedFile.of("package/debian/prerm", PackageScripts.debPrerm(layout), SCRIPT_MODE));
      files.add(RenderedFile.of("package/debian/postrm", PackageScripts.debPostrm(layout), SCRIPT_MODE));
    }
    files.add(UsrTaskLaunch.optionsFile(layout));
    return List.copyOf(files);
  }
}
