package org.agentmon.installer.install;

import java.io.IOException;
import java.util.List;
import org.agentmon.platform.CommandResult;

/**
 * Service-manager steps: run for real, print in a dry run, or, where the service manager is not
 * running here, print as commands for an administrator to run (queries then have no answer).
 */
final class ServiceActions {
  private final Actions actions;
  private final boolean manual;

  ServiceActions(Actions actions, boolean manual) {
    this.actions = actions;
    this.manual = manual;
  }

  /** Runs (or prints) a state-changing command. */
  void run(List<String> command) throws IOException {
    if (manual) {
      actions.say("  " + String.join(" ", command));
    } else {
      actions.run(command);
    }
  }

  /** Prints a conditional command where the condition cannot be asked. */
  void runIf(String condition, List<String> command) throws IOException {
    if (manual) {
      actions.say("  " + String.join(" ", command) + "   # " + condition);
    } else {
      actions.run(command);
    }
  }

  /**
   * Runs (or prints) a state-changing command whose failure the caller handles.
   *
   * @return its result, or null when it was only printed (dry run, or launchd not running here)
   */
  CommandResult attempt(List<String> command, String condition) throws IOException {
    if (manual) {
      actions.say("  " + String.join(" ", command) + (condition == null ? "" : "   # " + condition));
      return null;
    }
    return actions.attempt(command);
  }

  /** Waits before a retry; never in a dry run (nothing ran, so nothing is retried). */
  void pause(java.time.Duration d) throws IOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting to retry");
    }
  }

  /** Prints a note (a warning or why a step is left out). */
  void say(String line) {
    actions.say(line);
  }

  /** @return the query's result, or null where the service manager cannot be asked */
  CommandResult query(List<String> command) throws IOException {
    return manual ? null : actions.query(command);
  }

  void skip(List<String> command, String why) {
    actions.say("skip " + String.join(" ", command) + " (" + why + ")");
  }
}
