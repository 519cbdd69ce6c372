package org.agentmon.usrtask.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.agentmon.usrtask.live.Helper;
import org.agentmon.usrtask.live.LinkSnapshot;
import org.agentmon.usrtask.live.LinkState;

/**
 * The one fake: a helper whose statuses the test scripts, so views run in-process in
 * milliseconds. It records every command; a command can be made to fail.
 */
final class ScriptedHelper implements Helper {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<Map<?, ?>> events = new CopyOnWriteArrayList<>();
  volatile IOException failNext;
  private final Path socket;
  private volatile Consumer<LinkSnapshot> listener = s -> { };
  private volatile LinkSnapshot last = new LinkSnapshot(LinkState.CONNECTING, null, null, null, null);

  /** @param socket a path that exists when "installed" */
  ScriptedHelper(Path socket) {
    this.socket = socket;
  }

  /** Sends a snapshot as the link would, from another thread. */
  void push(LinkSnapshot s) {
    last = s;
    Thread t = new Thread(() -> listener.accept(s), "scripted-link");
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override public Path socket() { return socket; }
  @Override public void start(Consumer<LinkSnapshot> l) { listener = l; }
  @Override public LinkSnapshot snapshot() { return last; }
  @Override public void reconnectNow() { calls.add("reconnectNow"); }
  @Override public boolean awaitConnected(Duration timeout) { return last.connected(); }
  @Override public void restart() throws IOException { call("restart"); }
  @Override public void stop() throws IOException { call("stop"); }
  @Override public void requestStart() throws IOException { call("start"); }
  @Override public void close() { calls.add("close"); }

  @Override
  public List<Map<?, ?>> recentEvents(int n) {
    List<Map<?, ?>> all = new ArrayList<>(events);
    return all.subList(Math.max(0, all.size() - n), all.size());
  }

  private void call(String what) throws IOException {
    calls.add(what);
    IOException e = failNext;
    if (e != null) {
      failNext = null;
      throw e;
    }
  }
}
