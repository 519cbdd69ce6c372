package org.agentmon.installer.render;

import com.dd.plist.NSDictionary;
import org.agentmon.platform.Labels;

/**
 * The app bundle's Info.plist: {@code LSUIElement} keeps UsrTask out of the Dock and the app
 * switcher (it lives in the menu bar); the main executable is UsrTask's launcher.
 */
final class AppInfoPlist {
  /** Oldest macOS we support (launchctl bootstrap/print-disabled and SMAppService era). */
  static final String MIN_MACOS = "11.0";
  /** jpackage names the main launcher after the app; on macOS it runs UsrTask. */
  static final String MAIN_LAUNCHER = "AgentMon";

  private AppInfoPlist() {}

  static NSDictionary plist(String version) {
    String shortVersion = version.replace("-SNAPSHOT", "");
    return Plists.dict(
        "CFBundleDevelopmentRegion", "en",
        "CFBundleExecutable", MAIN_LAUNCHER,
        "CFBundleIconFile", "AgentMon.icns",
        "CFBundleIdentifier", Labels.BUNDLE_ID,
        "CFBundleInfoDictionaryVersion", "6.0",
        "CFBundleName", "AgentMon",
        "CFBundleDisplayName", "AgentMon",
        "CFBundlePackageType", "APPL",
        "CFBundleShortVersionString", shortVersion,
        "CFBundleVersion", shortVersion,
        "LSMinimumSystemVersion", MIN_MACOS,
        "LSUIElement", true,
        "LSApplicationCategoryType", "public.app-category.utilities",
        "NSHighResolutionCapable", true);
  }
}
