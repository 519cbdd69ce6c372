package org.agentmon.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.agentmon.Build;
import org.agentmon.protocol.Caller;
import org.agentmon.protocol.Upstream;
import org.agentmon.upstream.ConfigLoader;
import org.agentmon.upstream.ConfigResult;
import org.agentmon.upstream.HostFacts;
import org.agentmon.upstream.UpstreamState;
import org.agentmon.upstream.Redaction;
import org.agentmon.upstream.UpstreamConfig;
import org.agentmon.upstream.UpstreamClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the upstream package to the daemon: loads the configuration off the start-up path, shows
 * the upstream state in {@code status}, and runs the upstream client only while the helper is enabled and not in safe mode.
 * Guarded by {@code this}.
 */
final class UpstreamWiring {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamWiring.class);

  private final List<Path> configFiles;
  private final StateStore store;
  private final HelperState state;
  private final HelperEvents helperEvents;
  private final ServerCore server;
  private UpstreamClient client;
  private boolean wanted;

  /** {@code server} is asked who is subscribed, for the heartbeat. */
  UpstreamWiring(List<Path> configFiles, StateStore store, HelperState state, HelperEvents helperEvents, ServerCore server) {
    this.configFiles = configFiles;
    this.store = store;
    this.state = state;
    this.helperEvents = helperEvents;
    this.server = server;
  }

  /** Loads the configuration on its own thread; the client starts once loaded if {@link #run} was called. */
  void load() {
    Thread t = new Thread(this::loadNow, "agentmon-config");
    t.setDaemon(true);
    t.start();
  }

  /** The helper is enabled: run the upstream client (now, or as soon as the configuration is loaded). */
  void run() {
    UpstreamClient c;
    synchronized (this) {
      wanted = true;
      c = client;
    }
    if (c != null) {
      c.start();
    }
  }

  /** Never dies silently: whatever goes wrong is a {@code config-error} in status, in the event log and the log. */
  private void loadNow() {
    UpstreamState us = null;
    try {
      ConfigResult r = ConfigLoader.load(configFiles, Identity.ownUid());
      UpstreamConfig c = r.config();
      if (helperEvents.log() != null) {
        helperEvents.log().maxBytes(c.spoolMaxBytes());
      }
      String url = c.configured() ? Redaction.url(c.serverURL().toString()) : null;
      us = new UpstreamState(Upstream.State.NOT_CONFIGURED, url, helperEvents.log(), state::setUpstream, r.warnings());
      UpstreamState shown = us;
      if (helperEvents.log() != null) {
        helperEvents.log().listen(ev -> shown.publish());
      }
      r.warnings().forEach(w -> LOG.warn("configuration: {}", w));
      if (r.refused()) {
        refuse(us, r.error());
        return;
      }
      if (!c.configured()) {
        LOG.info("no ServerURL ({}): no upstream server", r.source());
        us.publish();
        return;
      }
      if (helperEvents.log() == null) {
        refuse(us, "no usable state directory for the event log and host id");
        return;
      }
      String hostId;
      try {
        hostId = store.hostId();
      } catch (java.io.IOException e) {
        refuse(us, "cannot keep the host id in " + store.dir() + ": " + e.getMessage());
        return;
      }
      LOG.info("upstream server {} (from {}), heartbeat every {} ms", url, r.source(), c.heartbeatMillis());
      us.set(Upstream.State.CONNECTING, null);
      UpstreamClient uc = new UpstreamClient(c, helperEvents.log(), us, hostId, this::heartbeat);
      boolean start;
      synchronized (this) {
        client = uc;
        start = wanted;
      }
      if (start) {
        uc.start();
      }
    } catch (RuntimeException | Error e) { // e.g. StackOverflowError: the thread would end with nothing shown
      UpstreamState shown = us != null ? us
          : new UpstreamState(Upstream.State.NOT_CONFIGURED, null, helperEvents.log(), state::setUpstream, List.of());
      refuse(shown, "cannot load the configuration: " + e.getClass().getSimpleName()); // a message may quote the file
    }
  }

  /** A configuration that cannot be used: said in status, recorded as {@code config.error}, logged. */
  private void refuse(UpstreamState us, String why) {
    String shown = Redaction.text(why);
    LOG.error("configuration refused: {}", shown);
    us.set(Upstream.State.CONFIG_ERROR, shown);
    helperEvents.configError(shown);
  }

  /** The heartbeat's {@code helper}, {@code host} and {@code sessions}; runs on the upstream client's thread. */
  private Map<String, Object> heartbeat() {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> helper = new LinkedHashMap<>();
    helper.put("version", Build.version());
    helper.put("instanceId", state.instanceId());
    helper.put("state", state.state().wire());
    m.put("helper", helper);
    m.put("host", HostFacts.collect(store.dir()));
    m.put("sessions", sessions());
    return m;
  }

  /** The subscribed clients (UsrTasks), asked of the server thread; empty if it does not answer in 1 s. */
  private List<Map<String, Object>> sessions() {
    CompletableFuture<List<Caller>> f = new CompletableFuture<>();
    server.tasks.post(() -> f.complete(server.connections.subscribers()));
    List<Map<String, Object>> out = new ArrayList<>();
    try {
      for (Caller c : f.get(1, TimeUnit.SECONDS)) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("uid", c.uid());
        s.put("pid", c.pid());
        out.add(s);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.debug("no session list: {}", e.toString());
    }
    return out;
  }
}
