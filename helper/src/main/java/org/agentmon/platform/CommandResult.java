package org.agentmon.platform;

/**
 * How a command ended.
 *
 * @param exitCode the exit code
 * @param output stdout and stderr, merged
 */
public record CommandResult(int exitCode, String output) {
  /** @return true for exit code 0 */
  public boolean ok() {
    return exitCode == 0;
  }
}
