package org.agentmon.installer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The installer's version, from a resource Maven fills in at build time. */
final class InstallerVersion implements IVersionProvider {

  static String version() {
    Properties p = new Properties();
    try (InputStream in = InstallerVersion.class.getResourceAsStream("/org/agentmon/installer/installer.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // "unknown" below says the same to the user.
    }
    return p.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"agentmon-installer " + version()};
  }
}
