package org.agentmon.upstream;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.agentmon.protocol.Upstream;
import org.agentmon.retry.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The helper's client of the upstream server, on its own thread (the control server's thread never waits for
 * the network): a heartbeat every interval, and the recorded events in order, oldest first, as soon as
 * they are recorded. A failure backs off with full jitter; 401/403 waits the long unauthorized delay.
 */
public final class UpstreamClient {
  static final int BATCH = 100;
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamClient.class);

  private final UpstreamConfig config;
  private final EventLog eventLog;
  private final UpstreamState status;
  private final String hostId;
  private final Supplier<Map<String, Object>> heartbeat;
  private final Backoff backoff;
  private final HttpTransport transport;
  /** Guards {@link #woken} and {@link #thread}; the client's thread waits on it. */
  private final Object lock = new Object();
  private boolean woken;
  private Thread thread;

  /**
   * @param config the configuration (a server is configured)
   * @param eventLog where the events wait
   * @param status where the client reports how the server answers
   * @param hostId the machine's stable id
   * @param heartbeat builds the heartbeat's {@code helper}, {@code host} and {@code sessions}
   */
  public UpstreamClient(UpstreamConfig config, EventLog eventLog, UpstreamState status, String hostId,
      Supplier<Map<String, Object>> heartbeat) {
    this.config = config;
    this.eventLog = eventLog;
    this.status = status;
    this.hostId = hostId;
    this.heartbeat = heartbeat;
    this.backoff = Backoff.withJitter(config.backoffMinMillis(), config.backoffMaxMillis());
    this.transport = new HttpTransport(config);
    eventLog.listen(ev -> wake());
  }

  /** Starts the client's thread, once; later calls do nothing. */
  public void start() {
    synchronized (lock) {
      if (thread != null) {
        return;
      }
      thread = new Thread(this::run, "agentmon-upstream");
      thread.setDaemon(true); // the event log is durable: nothing to finish when the helper exits
      thread.start();
    }
  }

  /** Sends the waiting events now if the server is reachable (not while backing off). */
  void wake() {
    synchronized (lock) {
      woken = true;
      lock.notifyAll();
    }
  }

  private void run() {
    long nextHeartbeat = 0;
    boolean unauthorized = false;
    while (true) {
      try {
        if (System.currentTimeMillis() >= nextHeartbeat) {
          send("/v1/heartbeat", heartbeatBody());
          nextHeartbeat = System.currentTimeMillis() + config.heartbeatMillis();
        }
        for (Batch b = eventLog.oldest(BATCH); !b.isEmpty(); b = eventLog.oldest(BATCH)) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("hostId", hostId);
          body.put("events", b.events());
          send("/v1/events", body);
          eventLog.acknowledge(b.throughSeq());
        }
        backoff.reset();
        unauthorized = false;
        status.succeeded();
        waitUntil(nextHeartbeat, true);
      } catch (Unauthorized e) {
        status.failed(Upstream.State.UNAUTHORIZED, e.getMessage(), config.unauthorizedRetryMillis());
        if (!unauthorized) {
          unauthorized = true;
          LOG.warn("upstream refused the enrollment token: {}", e.getMessage());
          eventLog.record("upstream.unauthorized", Map.of("status", e.status, "serverURL",
              Redaction.url(config.serverURL().toString())));
        }
        nextHeartbeat = 0;
        waitUntil(System.currentTimeMillis() + config.unauthorizedRetryMillis(), false);
      } catch (IOException | RuntimeException e) {
        long delay = backoff.next();
        String why = describe(e);
        LOG.info("upstream failed ({} in a row): {}; next attempt in {} ms", backoff.failures(), why, delay);
        status.failed(Upstream.State.BACKING_OFF, why, delay);
        nextHeartbeat = 0; // the first request after a failure is a heartbeat
        waitUntil(System.currentTimeMillis() + delay, false);
      }
    }
  }

  private void send(String path, Object body) throws IOException {
    int code = transport.post(path, body);
    if (code == 401 || code == 403) {
      throw new Unauthorized(code, "HTTP " + code + " from " + path + " at " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
    if (code < 200 || code > 299) {
      throw new IOException("HTTP " + code + " from " + path);
    }
  }

  private Map<String, Object> heartbeatBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("hostId", hostId);
    body.put("sentAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    body.putAll(heartbeat.get());
    return body;
  }

  /** Waits until {@code deadline}; {@code wakeable} lets a new event end the wait early. */
  private void waitUntil(long deadline, boolean wakeable) {
    synchronized (lock) {
      if (!wakeable) {
        woken = false;
      }
      while (true) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0 || (wakeable && woken)) {
          woken = false;
          return;
        }
        try {
          lock.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static String describe(Exception e) {
    if (e instanceof HttpTimeoutException) {
      return "timed out: " + e.getMessage();
    }
    if (e instanceof java.net.ConnectException) {
      return "cannot connect (" + (e.getMessage() == null ? "connection refused or unreachable" : e.getMessage()) + ")";
    }
    String msg = e.getMessage();
    if (msg == null && e.getCause() != null) {
      msg = e.getCause().toString();
    }
    return msg == null ? e.getClass().getSimpleName() : msg;
  }

  /** The server refused the token (401 or 403). */
  private static final class Unauthorized extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    Unauthorized(int status, String message) {
      super(message);
      this.status = status;
    }
  }
}
