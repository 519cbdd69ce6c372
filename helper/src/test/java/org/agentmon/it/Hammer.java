package org.agentmon.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.agentmon.client.HelperClient;
import org.agentmon.protocol.Status;

/** Clients that call {@code status} in a loop through HelperClient and count every failure. */
public final class Hammer implements AutoCloseable {
  final AtomicInteger calls = new AtomicInteger();
  public final AtomicInteger failures = new AtomicInteger();
  final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
  final Set<String> instances = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();

  public Hammer(Path socket, int clients) {
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> loop(socket), "hammer-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void loop(Path socket) {
    HelperClient c = null;
    while (running.get()) {
      try {
        if (c == null) {
          c = HelperClient.connect(socket, Duration.ofSeconds(1));
        }
        Status s = c.status();
        instances.add(s.instanceId());
        calls.incrementAndGet();
      } catch (IOException e) {
        failures.incrementAndGet();
        errors.add(e.toString());
        if (c != null) {
          c.close();
        }
        c = null;
      }
      HelperProcess.pause(10);
    }
    if (c != null) {
      c.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(15_000);
    }
  }
}
