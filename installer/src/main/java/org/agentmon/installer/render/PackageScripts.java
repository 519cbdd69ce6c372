package org.agentmon.installer.render;

/**
 * The packages' maintainer scripts. They only call the bundled installer, so the package and a
 * manual {@code agentmon-installer upgrade} do exactly the same thing.
 */
final class PackageScripts {
  private PackageScripts() {}

  /** pkgbuild {@code postinstall}: $3 is the target volume. */
  static String macPostinstall(Layout layout) {
    return "#!/bin/sh\n"
        + "# AgentMon .pkg postinstall: lay out the launchd jobs and (re)bootstrap them.\n"
        + "set -eu\n"
        + "target=\"${3:-/}\"\n"
        + "exec \"${target%/}" + layout.installerProgram() + "\" upgrade --platform macos --root \"$target\"\n";
  }

  /** Debian {@code postinst}: configure installs or upgrades the units. */
  static String debPostinst(Layout layout) {
    return debScript("postinst: lay out the systemd units and enable the socket.", "configure",
        "\"" + layout.installerProgram() + "\" upgrade --platform linux");
  }

  /** Debian {@code prerm}: on removal (not upgrade) stop and remove the units. */
  static String debPrerm(Layout layout) {
    return debScript("prerm: on removal, stop the helper and remove the units (state is kept).",
        "remove|deconfigure", "\"" + layout.installerProgram() + "\" uninstall --platform linux || true");
  }

  /**
   * Debian {@code postrm}: purge also removes the state directory and the cache (the CDS archive;
   * the installer is gone by then).
   */
  static String debPostrm(Layout layout) {
    return debScript("postrm: purge removes the helper's state and the CDS archive.", "purge",
        "rm -rf \"" + layout.stateDir() + "\" \"" + layout.cacheDir() + "\"");
  }

  /**
   * @param what the script's name and what it does, for its comment line
   * @param when the {@code $1} pattern dpkg calls it with that needs work
   * @param command the one command run then
   * @return a Debian maintainer script that runs {@code command} for {@code when} only
   */
  private static String debScript(String what, String when, String command) {
    return "#!/bin/sh\n"
        + "# AgentMon .deb " + what + "\n"
        + "set -e\n"
        + "case \"$1\" in\n"
        + "  " + when + ")\n"
        + "    " + command + "\n"
        + "    ;;\n"
        + "esac\n"
        + "exit 0\n";
  }
}
