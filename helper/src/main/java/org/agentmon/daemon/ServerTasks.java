package org.agentmon.daemon;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.newsclub.net.unix.AFUNIXSelectorProvider;

/**
 * The server thread's selector and its inbox: everything that touches a connection runs on that
 * thread, and other threads hand work in with {@link #post}, which wakes the selector.
 */
final class ServerTasks {
  private final Selector selector;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

  ServerTasks() throws IOException {
    this.selector = AFUNIXSelectorProvider.provider().openSelector();
  }

  Selector selector() {
    return selector;
  }

  /** Runs {@code task} on the server thread, soon. Safe from any thread. */
  void post(Runnable task) {
    tasks.add(task);
    selector.wakeup();
  }

  /** Ends the server thread's current wait. Safe from any thread. */
  void wakeup() {
    selector.wakeup();
  }

  /** Runs what was posted. Server thread only. */
  void runPosted() {
    for (Runnable t; (t = tasks.poll()) != null; ) {
      t.run();
    }
  }
}
