package org.agentmon.usrtask.live;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the app's models know of the helper: a stream of snapshots and the commands. {@link
 * HelperLink} is the real one; tests script statuses through their own (the one fake allowed:
 * it lets views and presenters run in-process in milliseconds).
 */
public interface Helper extends AutoCloseable {
  /** @return the socket the helper answers on */
  Path socket();

  /**
   * Starts following the helper.
   *
   * @param listener gets every snapshot, in order, on the link's threads (never the FX thread)
   */
  void start(Consumer<LinkSnapshot> listener);

  /** @return the latest snapshot */
  LinkSnapshot snapshot();

  /** Tries to reconnect now instead of waiting out the backoff. */
  void reconnectNow();

  /**
   * @param timeout how long to wait
   * @return whether the link is connected
   * @throws InterruptedException if interrupted
   */
  boolean awaitConnected(Duration timeout) throws InterruptedException;

  /** @throws IOException when the helper refuses or cannot be reached */
  void restart() throws IOException;

  /** @throws IOException when the helper refuses or cannot be reached */
  void stop() throws IOException;

  /**
   * Asks the running helper to set its enabled flag (the {@code start} call); it launches nothing,
   * see {@link HelperStarter} for that.
   *
   * @throws IOException when the helper refuses or cannot be reached
   */
  void requestStart() throws IOException;

  /**
   * @param n how many
   * @return the last events of the event log, oldest first
   * @throws IOException when the helper cannot be reached
   */
  List<Map<?, ?>> recentEvents(int n) throws IOException;

  @Override
  void close();
}
