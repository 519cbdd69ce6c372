package org.agentmon.daemon;

import java.nio.file.Path;
import java.util.List;
import org.agentmon.upstream.ConfigLoader;

/**
 * What {@code agentmon daemon} was told.
 *
 * @param socket the path to bind when no supervisor hands a socket over
 * @param stateDir where the enabled flag and run history live
 * @param logFile where to log, or null for stderr (when stderr is not the socket)
 * @param adminGroup the group whose members are administrators, or null for the platform default
 * @param limits connection bounds
 * @param policy idle exit and crash-loop settings
 * @param args the command line after {@code daemon}, to start an identical replacement
 * @param configFiles the preferences plists, lowest precedence first (missing ones are skipped)
 */
public record DaemonOptions(Path socket, Path stateDir, Path logFile, String adminGroup, Limits limits,
    Policy policy, List<String> args, List<Path> configFiles) {

  /**
   * Options with default limits.
   *
   * @param socket see the record
   * @param stateDir see the record
   * @param logFile see the record
   * @param adminGroup see the record
   * @param maxConnections connections served at once
   * @param maxConnectionsPerUser connections one ordinary (non-admin) uid may hold at once
   * @param clientIdleSeconds idle timeout of connections that are not subscribed
   * @param idleExitSeconds how long a socket-activated, disabled helper waits before exiting
   * @param crashLoopStarts quick crashes in the window that put the next start in safe mode
   * @param crashLoopWindowSeconds the window
   * @param minUptimeSeconds a run shorter than this that ended badly is a quick crash
   * @param args see the record
   * @param configFile the one preferences plist to read, or null for the platform's files
   * @return the options
   */
  public static DaemonOptions of(Path socket, Path stateDir, Path logFile, String adminGroup, int maxConnections,
      int maxConnectionsPerUser, long clientIdleSeconds, long idleExitSeconds, int crashLoopStarts,
      long crashLoopWindowSeconds, long minUptimeSeconds, List<String> args, Path configFile) {
    return new DaemonOptions(socket, stateDir, logFile, adminGroup,
        new Limits(maxConnections, maxConnectionsPerUser, clientIdleSeconds * 1000, Limits.DEFAULT.maxPendingBytes(),
            Limits.DEFAULT.maxQueuedBytes()),
        new Policy(idleExitSeconds * 1000, crashLoopStarts, crashLoopWindowSeconds * 1000, minUptimeSeconds * 1000),
        List.copyOf(args), configFile != null ? List.of(configFile) : ConfigLoader.defaultFiles());
  }

  /** @return the platform's state directory for an installed helper */
  public static Path defaultStateDir() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac")
        ? Path.of("/Library/Application Support/AgentMon") : Path.of("/var/lib/agentmon");
  }
}
