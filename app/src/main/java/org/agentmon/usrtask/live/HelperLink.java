package org.agentmon.usrtask.live;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.agentmon.client.Deadline;
import org.agentmon.client.HelperClient;
import org.agentmon.client.IncompatibleHelperException;
import org.agentmon.client.NewInstanceWait;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.agentmon.retry.Backoff;

/**
 * Keeps one subscription to the helper alive and reports each change to a listener.
 *
 * <p>One thread connects, subscribes and waits; when the connection ends it says "restarting" or
 * "not running" and reconnects after 250 ms, doubling to 5 s, then subscribes again and notices
 * a new instance id. Nothing is polled: every status comes from the helper's own notifications.
 * The listener runs on this link's threads, never on the FX thread. Commands ({@link #restart()}
 * and friends) go over the current connection and may be called from any thread.
 */
public final class HelperLink implements Helper {
  static final long FIRST_RETRY_MILLIS = 250;
  static final long MAX_RETRY_MILLIS = 5000;
  /** How long after a restart a lost connection still means "restarting". */
  static final Duration RESTART_TIMEOUT = Duration.ofSeconds(30);

  private final Path socket;
  /** Set before the link's thread starts. */
  private Consumer<LinkSnapshot> listener = s -> { };
  private final Backoff backoff = Backoff.doubling(FIRST_RETRY_MILLIS, MAX_RETRY_MILLIS);
  /** Guards every field below; the link thread waits on it. */
  private final Object lock = new Object();
  private HelperClient client;
  private boolean lost;
  private boolean wakeUp;
  private boolean closed;
  /** The restart this app asked for, until the helper comes back or the wait ends; else null. */
  private NewInstanceWait restartWait;
  private boolean notified;
  private LinkSnapshot last = new LinkSnapshot(LinkState.CONNECTING, null, null, null, null);
  private Thread thread;

  /**
   * Creates a link; nothing happens until {@link #start(Consumer)}.
   *
   * @param socket the helper's socket
   */
  public HelperLink(Path socket) {
    this.socket = socket;
  }

  @Override
  public Path socket() {
    return socket;
  }

  @Override
  public void start(Consumer<LinkSnapshot> l) {
    synchronized (lock) {
      if (thread != null) {
        return;
      }
      listener = l;
      thread = new Thread(this::run, "agentmon-helper-link");
      thread.setDaemon(true);
      thread.start();
    }
  }

  @Override
  public LinkSnapshot snapshot() {
    synchronized (lock) {
      return last;
    }
  }

  @Override
  public void reconnectNow() {
    synchronized (lock) {
      wakeUp = true;
      lock.notifyAll();
    }
  }

  @Override
  public boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (!last.connected() && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        lock.wait(Math.max(1, left / 1_000_000));
      }
      return last.connected();
    }
  }

  @Override
  public void restart() throws IOException {
    HelperClient c = current();
    synchronized (lock) {
      Status before = last.status();
      restartWait = before == null ? null : new NewInstanceWait(before, Deadline.after(RESTART_TIMEOUT));
    }
    try {
      c.restart();
    } catch (IOException e) {
      synchronized (lock) {
        restartWait = null;
      }
      throw e;
    }
  }

  @Override
  public void stop() throws IOException {
    current().stop();
  }

  @Override
  public void requestStart() throws IOException {
    current().start();
  }

  @Override
  public java.util.List<java.util.Map<?, ?>> recentEvents(int n) throws IOException {
    return current().events(n, null);
  }

  @Override
  public void close() {
    HelperClient c;
    synchronized (lock) {
      closed = true;
      c = client;
      client = null;
      lock.notifyAll();
    }
    if (c != null) {
      c.close();
    }
  }

  private HelperClient current() throws IOException {
    synchronized (lock) {
      if (client == null || !client.isConnected()) {
        throw new IOException("The helper is not reachable on " + socket);
      }
      return client;
    }
  }

  private void run() {
    while (!isClosed()) {
      HelperClient c;
      try {
        c = HelperClient.connect(socket, Duration.ZERO);
      } catch (IncompatibleHelperException e) {
        publish(LinkState.INCOMPATIBLE, null, e.getMessage());
        pause(backoff.next());
        continue;
      } catch (IOException e) {
        publish(restartExpected() ? LinkState.RESTARTING : LinkState.NOT_RUNNING, null, null);
        pause(backoff.next());
        continue;
      }
      if (!serve(c)) {
        pause(backoff.next());
      }
    }
  }

  /** Subscribes and waits until the connection ends; returns false when it never got going. */
  private boolean serve(HelperClient c) {
    synchronized (lock) {
      lost = false;
      notified = false;
    }
    c.onConnectionLost(why -> {
      synchronized (lock) {
        lost = true;
        lock.notifyAll();
      }
    });
    Status initial;
    try {
      initial = c.subscribe(this::onNotification);
    } catch (IOException e) {
      c.close();
      return false;
    }
    synchronized (lock) {
      if (closed) {
        c.close();
        return true;
      }
      client = c;
      backoff.reset();
      if (!notified) { // a notification that overtook the subscribe answer is newer than it
        publishStatus(initial);
      }
      while (!lost && !closed && c.isConnected()) {
        waitQuietly(0);
      }
      client = null;
    }
    c.close();
    RunState was = last.status() == null ? null : last.status().state();
    boolean goingAway = was == RunState.STOPPING || was == RunState.DISABLED;
    publish(goingAway && !restartExpected() ? LinkState.NOT_RUNNING : LinkState.RESTARTING, null, null);
    return true;
  }

  private void onNotification(Status s) {
    synchronized (lock) {
      notified = true;
      if (!closed) {
        publishStatus(s);
      }
    }
  }

  /** Called with the lock held. */
  private void publishStatus(Status s) {
    Instant restartedAt = last.restartedAt();
    Status before = last.status();
    if (before != null && !Objects.equals(before.instanceId(), s.instanceId())) {
      restartedAt = Instant.now();
    }
    if (restartWait != null && restartWait.seen(s) != null) {
      restartWait = null; // back, or stopped instead
    }
    emit(new LinkSnapshot(LinkState.CONNECTED, s, VersionCheck.mismatch(s), restartedAt, null));
  }

  private void publish(LinkState state, Status status, String problem) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      Status keep = status != null ? status : last.status();
      LinkSnapshot next = new LinkSnapshot(state, keep, last.mismatch(), last.restartedAt(), problem);
      if (!next.equals(last)) {
        emit(next);
      }
    }
  }

  /** Called with the lock held, so listeners see snapshots in order. */
  private void emit(LinkSnapshot s) {
    last = s;
    lock.notifyAll();
    listener.accept(s);
  }

  private boolean restartExpected() {
    synchronized (lock) {
      return restartWait != null && !restartWait.expired();
    }
  }

  private boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  private void pause(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    synchronized (lock) {
      while (!closed && !wakeUp) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        waitQuietly(Math.max(1, left / 1_000_000));
      }
      wakeUp = false;
    }
  }

  private void waitQuietly(long millis) {
    try {
      lock.wait(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }
}
