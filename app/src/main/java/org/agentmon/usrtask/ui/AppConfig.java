package org.agentmon.usrtask.ui;

import java.io.IOException;
import java.nio.file.Path;
import org.agentmon.usrtask.live.HelperStarter;
import org.agentmon.usrtask.login.LoginItem;
import org.agentmon.usrtask.single.InstanceLock;

/**
 * What {@code main} wires into the UI: everything it needs, nothing it has to look up.
 *
 * @param socket the helper's socket
 * @param loginItem "Start at Login"
 * @param starter starts a helper when none runs (development mode), or null
 * @param show show the status window at start even with a tray
 * @param noTray never use the tray
 * @param lock this user's instance lock; its messages ("show", "quit") are handled by the UI
 * @param relaunch starts a fresh UsrTask that replaces this one
 * @param theme {@code light}, {@code dark} or {@code system} (null: system)
 */
public record AppConfig(Path socket, LoginItem loginItem, HelperStarter starter, boolean show, boolean noTray,
    InstanceLock lock, Relaunch relaunch, String theme) {

  /** Starts the UsrTask that replaces this one. */
  @FunctionalInterface
  public interface Relaunch {
    /**
     * @param show the new instance shows its window (this one's was open)
     * @throws IOException if the new instance cannot be started
     */
    void start(boolean show) throws IOException;
  }
}
