package org.agentmon.installer.render;

import java.util.List;

/**
 * What signing and the distribution package need: the entitlements every signed executable of
 * the bundle gets (a JVM under the hardened runtime needs JIT and unsigned executable memory,
 * nothing else), and one distribution definition per CPU ({@code hostArchitectures}), so a pkg
 * built for Apple silicon refuses to install on an Intel Mac and the other way round.
 */
final class MacSigning {
  /** Architectures in macOS's spelling, as {@code hostArchitectures} and {@code lipo} use them. */
  static final List<String> ARCHITECTURES = List.of("arm64", "x86_64");
  /** The component package's identifier. */
  static final String PKG_ID = "org.agentmon.pkg";

  private MacSigning() {}

  static String entitlements() {
    return Plists.dict(
        "com.apple.security.cs.allow-jit", true,
        "com.apple.security.cs.allow-unsigned-executable-memory", true).toXMLPropertyList();
  }

  /**
   * @param arch {@code arm64} or {@code x86_64}
   * @param version the package version
   * @return the {@code productbuild --distribution} file
   */
  static String distribution(String arch, String version) {
    if (!ARCHITECTURES.contains(arch) || !version.matches("[0-9A-Za-z.+-]+")) {
      throw new IllegalArgumentException("bad architecture or version: " + arch + " " + version);
    }
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<installer-gui-script minSpecVersion=\"2\">\n"
        + "  <title>AgentMon</title>\n"
        + "  <options customize=\"never\" require-scripts=\"false\" hostArchitectures=\"" + arch + "\"/>\n"
        + "  <domains enable_anywhere=\"false\" enable_currentUserHome=\"false\" enable_localSystem=\"true\"/>\n"
        + "  <volume-check>\n"
        + "    <allowed-os-versions><os-version min=\"11.0\"/></allowed-os-versions>\n"
        + "  </volume-check>\n"
        + "  <choices-outline>\n"
        + "    <line choice=\"" + PKG_ID + "\"/>\n"
        + "  </choices-outline>\n"
        + "  <choice id=\"" + PKG_ID + "\" visible=\"false\" title=\"AgentMon\">\n"
        + "    <pkg-ref id=\"" + PKG_ID + "\"/>\n"
        + "  </choice>\n"
        + "  <pkg-ref id=\"" + PKG_ID + "\" version=\"" + version + "\" onConclusion=\"none\">AgentMon-component.pkg</pkg-ref>\n"
        + "</installer-gui-script>\n";
  }
}
