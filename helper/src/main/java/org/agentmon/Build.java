package org.agentmon;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and build id baked into this build, so peers can tell a stale helper from a fresh one. */
public final class Build {
  private static final Properties PROPS = load();

  private Build() {}

  /** @return the project version, e.g. {@code 0.1.0-SNAPSHOT} */
  public static String version() {
    return PROPS.getProperty("version", "unknown");
  }

  /** @return the build id: the build's UTC timestamp */
  public static String buildId() {
    return PROPS.getProperty("buildId", "unknown");
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = Build.class.getResourceAsStream("agentmon-build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // An unreadable resource leaves "unknown", which every peer shows as such.
    }
    return p;
  }
}
