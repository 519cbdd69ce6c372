package org.agentmon.platform;

/** Job labels, unit names and the bundle id: one place, so plists, units and checks agree. */
public final class Labels {
  /** The LaunchDaemon label of the helper. */
  public static final String HELPER = "org.agentmon.helper";
  /** The LaunchAgent label (and XDG autostart file stem) of UsrTask. */
  public static final String USRTASK = "org.agentmon.usrtask";
  /** The app bundle's identifier, listed in the daemon's {@code AssociatedBundleIdentifiers}. */
  public static final String BUNDLE_ID = "org.agentmon.AgentMon";
  /** systemd socket unit holding the helper's listening socket. */
  public static final String SOCKET_UNIT = "agentmon.socket";
  /** systemd service unit running the helper. */
  public static final String SERVICE_UNIT = "agentmon.service";
  /** systemd path unit starting the helper while the enabled flag exists. */
  public static final String PATH_UNIT = "agentmon.path";

  private Labels() {}
}
