package org.agentmon.protocol;

/**
 * The protocol version, {@code major.minor}. Peers with the same major version interoperate; a
 * minor version only adds optional fields.
 */
public final class ProtocolVersion {
  /** The version this build speaks. */
  public static final String CURRENT = "1.0";

  private ProtocolVersion() {}

  /**
   * Returns the major part of a version string.
   *
   * @param version e.g. {@code "1.0"}
   * @return the major number
   * @throws IllegalArgumentException if the string is not {@code major.minor}
   */
  public static int major(String version) {
    if (version != null) {
      int dot = version.indexOf('.');
      String head = dot < 0 ? version : version.substring(0, dot);
      try {
        int major = Integer.parseInt(head);
        if (major >= 0) {
          return major;
        }
      } catch (NumberFormatException e) {
        // fall through to the uniform message below
      }
    }
    throw new IllegalArgumentException("not a protocol version (major.minor): " + version);
  }

  /**
   * Tells whether a peer's version can talk to ours.
   *
   * @param peer the peer's version
   * @return true when the major versions match
   */
  public static boolean compatible(String peer) {
    try {
      return major(peer) == major(CURRENT);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
