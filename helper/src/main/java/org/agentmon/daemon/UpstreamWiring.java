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
import org.agentmon.upstream.LinkStatus;
import org.agentmon.upstream.Redaction;
import org.agentmon.upstream.UpstreamConfig;
import org.agentmon.upstream.UpstreamLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the upstream package to the daemon: loads the configuration off the start-up path, shows
 * the link in {@code status}, and runs the link only while the helper is enabled and not in safe mode.
 * Guarded by {@code this}.
 */
final class UpstreamWiring {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamWiring.class);

  private final List<Path> configFiles;
  private final StateStore store;
  private final HelperState state;
  private final Audit audit;
  private final ServerCore server;
  private UpstreamLink link;
  private boolean wanted;

  /** {@code server} is asked who is subscribed, for the heartbeat. */
  UpstreamWiring(List<Path> configFiles, StateStore store, HelperState state, Audit audit, ServerCore server) {
    this.configFiles = configFiles;
    this.store = store;
    this.state = state;
    this.audit = audit;
    this.server = server;
  }

  /** Loads the configuration on its own thread; the link starts once loaded if {@link #run} was called. */
  void load() {
    Thread t = new Thread(this::loadNow, "agentmon-config");
    t.setDaemon(true);
    t.start();
  }

  /** The helper is enabled: run the link (now, or as soon as the configuration is loaded). */
  void run() {
    UpstreamLink l;
    synchronized (this) {
      wanted = true;
      l = link;
    }
    if (l != null) {
      l.start();
    }
  }

  /** Never dies silently: whatever goes wrong is a {@code config-error} in status, in the trail and the log. */
  private void loadNow() {
    LinkStatus ls = null;
    try {
      ConfigResult r = ConfigLoader.load(configFiles, Identity.ownUid());
      UpstreamConfig c = r.config();
      if (audit.log() != null) {
        audit.log().maxBytes(c.spoolMaxBytes());
      }
      String url = c.configured() ? Redaction.url(c.serverURL().toString()) : null;
      ls = new LinkStatus(Upstream.NOT_CONFIGURED, url, audit.log(), state::setUpstream, r.warnings());
      LinkStatus shown = ls;
      if (audit.log() != null) {
        audit.log().listen(ev -> shown.publish());
      }
      r.warnings().forEach(w -> LOG.warn("configuration: {}", w));
      if (r.refused()) {
        refuse(ls, r.error());
        return;
      }
      if (!c.configured()) {
        LOG.info("no ServerURL ({}): no upstream link", r.source());
        ls.publish();
        return;
      }
      if (audit.log() == null) {
        refuse(ls, "no usable state directory for the event spool and host id");
        return;
      }
      String hostId;
      try {
        hostId = store.hostId();
      } catch (java.io.IOException e) {
        refuse(ls, "cannot keep the host id in " + store.dir() + ": " + e.getMessage());
        return;
      }
      LOG.info("upstream server {} (from {}), heartbeat every {} ms", url, r.source(), c.heartbeatMillis());
      ls.set(Upstream.CONNECTING, null);
      UpstreamLink l = new UpstreamLink(c, audit.log(), ls, hostId, this::heartbeat);
      boolean start;
      synchronized (this) {
        link = l;
        start = wanted;
      }
      if (start) {
        l.start();
      }
    } catch (RuntimeException | Error e) { // e.g. StackOverflowError: the thread would end with nothing shown
      LinkStatus shown = ls != null ? ls
          : new LinkStatus(Upstream.NOT_CONFIGURED, null, audit.log(), state::setUpstream, List.of());
      refuse(shown, "cannot load the configuration: " + e.getClass().getSimpleName()); // a message may quote the file
    }
  }

  /** A configuration that cannot be used: said in status, recorded as {@code config.error}, logged. */
  private void refuse(LinkStatus ls, String why) {
    String shown = Redaction.text(why);
    LOG.error("configuration refused: {}", shown);
    ls.set(Upstream.CONFIG_ERROR, shown);
    audit.configError(shown);
  }

  /** The heartbeat's {@code helper}, {@code host} and {@code sessions}; runs on the link's thread. */
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
