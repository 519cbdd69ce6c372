package org.agentmon.daemon;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code agentmon daemon} was told.
 *
 * @param socket the path to bind when no supervisor hands a socket over
 * @param stateDir where the enabled flag and run history live
 * @param logFile where to log, or null for stderr (when stderr is not the socket)
 * @param adminGroup the group whose members are administrators, or null for the platform default
 * @param limits connection bounds
 * @param args the command line after {@code daemon}, to start an identical replacement
 */
public record DaemonOptions(Path socket, Path stateDir, Path logFile, String adminGroup, Limits limits,
    List<String> args) {

  /**
   * Options with default limits.
   *
   * @param socket see the record
   * @param stateDir see the record
   * @param logFile see the record
   * @param adminGroup see the record
   * @param maxConnections connections served at once
   * @param clientIdleSeconds idle timeout of connections that are not subscribed
   * @param args see the record
   * @return the options
   */
  public static DaemonOptions of(Path socket, Path stateDir, Path logFile, String adminGroup, int maxConnections,
      long clientIdleSeconds, List<String> args) {
    return new DaemonOptions(socket, stateDir, logFile, adminGroup,
        new Limits(maxConnections, clientIdleSeconds * 1000, Limits.DEFAULT.maxPendingBytes()), List.copyOf(args));
  }

  /** @return the platform's state directory for an installed helper */
  public static Path defaultStateDir() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac")
        ? Path.of("/Library/Application Support/AgentMon") : Path.of("/var/lib/agentmon");
  }
}
