package org.agentmon.daemon;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.agentmon.platform.Platform;
import org.agentmon.platform.SystemPaths;
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
   * The one set of defaults, to change what was given.
   *
   * @param socket the socket to bind unless one is given (the client package knows the platform's)
   * @return a builder holding every default
   */
  public static Builder defaults(Path socket) {
    return new Builder(socket);
  }

  /** @return the platform's state directory for an installed helper */
  public static Path defaultStateDir() {
    return Path.of(SystemPaths.stateDir(Platform.current()));
  }

  /** The numeric settings in the command line's units (counts and seconds), each with its default. */
  public enum Setting {
    /** Connections served at once. */
    MAX_CONNECTIONS(Limits.DEFAULT.maxConnections()),
    /** Connections one ordinary (non-admin) uid may hold at once. */
    MAX_CONNECTIONS_PER_USER(Limits.DEFAULT.maxConnectionsPerUser()),
    /** Idle timeout of connections that are not subscribed. */
    CLIENT_IDLE_SECONDS(Limits.DEFAULT.clientIdleMillis() / 1000),
    /** How long a socket-activated, disabled helper waits before exiting. */
    IDLE_EXIT_SECONDS(Policy.DEFAULT.idleExitMillis() / 1000),
    /** Quick crashes in the window that put the next start in safe mode. */
    CRASH_LOOP_STARTS(Policy.DEFAULT.crashLoopStarts()),
    /** The crash-loop window. */
    CRASH_LOOP_WINDOW_SECONDS(Policy.DEFAULT.crashLoopWindowMillis() / 1000),
    /** A run shorter than this that ended badly is a quick crash. */
    MIN_UPTIME_SECONDS(Policy.DEFAULT.minUptimeMillis() / 1000);

    private final long defaultValue;

    Setting(long defaultValue) {
      this.defaultValue = defaultValue;
    }

    /** @return the value used when none is given */
    public long defaultValue() {
      return defaultValue;
    }
  }

  /** Options from the defaults and what was given; a null path or name keeps the default. */
  public static final class Builder {
    private final Map<Setting, Long> numbers = new EnumMap<>(Setting.class);
    private Path socket;
    private Path stateDir = defaultStateDir();
    private Path logFile;
    private String adminGroup;
    private List<String> args = List.of();
    private Path configFile;

    private Builder(Path socket) {
      this.socket = socket;
    }

    /** Sets the socket to bind. */
    public Builder socket(Path p) {
      socket = p != null ? p : socket;
      return this;
    }

    /** Sets the state directory. */
    public Builder stateDir(Path p) {
      stateDir = p != null ? p : stateDir;
      return this;
    }

    /** Sets the log file. */
    public Builder logFile(Path p) {
      logFile = p != null ? p : logFile;
      return this;
    }

    /** Sets the administrators' group. */
    public Builder adminGroup(String name) {
      adminGroup = name != null ? name : adminGroup;
      return this;
    }

    /** Sets the one preferences plist to read instead of the platform's. */
    public Builder configFile(Path p) {
      configFile = p != null ? p : configFile;
      return this;
    }

    /** Sets the command line after {@code daemon}. */
    public Builder args(List<String> a) {
      args = List.copyOf(a);
      return this;
    }

    /** Sets a numeric setting, in the command line's unit. */
    public Builder set(Setting s, long value) {
      numbers.put(s, value);
      return this;
    }

    /** @return the options */
    public DaemonOptions build() {
      return new DaemonOptions(socket, stateDir, logFile, adminGroup,
          new Limits((int) get(Setting.MAX_CONNECTIONS), (int) get(Setting.MAX_CONNECTIONS_PER_USER),
              get(Setting.CLIENT_IDLE_SECONDS) * 1000, Limits.DEFAULT.maxPendingBytes(),
              Limits.DEFAULT.maxQueuedBytes()),
          new Policy(get(Setting.IDLE_EXIT_SECONDS) * 1000, (int) get(Setting.CRASH_LOOP_STARTS),
              get(Setting.CRASH_LOOP_WINDOW_SECONDS) * 1000, get(Setting.MIN_UPTIME_SECONDS) * 1000),
          args, configFile != null ? List.of(configFile) : ConfigLoader.defaultFiles());
    }

    private long get(Setting s) {
      return numbers.getOrDefault(s, s.defaultValue());
    }
  }
}
