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
    return "#!/bin/sh\n"
        + "# AgentMon .deb postinst: lay out the systemd units and enable the socket.\n"
        + "set -e\n"
        + "case \"$1\" in\n"
        + "  configure)\n"
        + "    \"" + layout.installerProgram() + "\" upgrade --platform linux\n"
        + "    ;;\n"
        + "esac\n"
        + "exit 0\n";
  }

  /** Debian {@code prerm}: on removal (not upgrade) stop and remove the units. */
  static String debPrerm(Layout layout) {
    return "#!/bin/sh\n"
        + "# AgentMon .deb prerm: on removal, stop the helper and remove the units (state is kept).\n"
        + "set -e\n"
        + "case \"$1\" in\n"
        + "  remove|deconfigure)\n"
        + "    \"" + layout.installerProgram() + "\" uninstall --platform linux || true\n"
        + "    ;;\n"
        + "esac\n"
        + "exit 0\n";
  }

  /**
   * Debian {@code postrm}: purge also removes the state directory and the cache (the CDS archive;
   * the installer is gone by then).
   */
  static String debPostrm(Layout layout) {
    return "#!/bin/sh\n"
        + "# AgentMon .deb postrm: purge removes the helper's state and the CDS archive.\n"
        + "set -e\n"
        + "case \"$1\" in\n"
        + "  purge)\n"
        + "    rm -rf \"" + layout.stateDir() + "\" \"" + layout.cacheDir() + "\"\n"
        + "    ;;\n"
        + "esac\n"
        + "exit 0\n";
  }
}
