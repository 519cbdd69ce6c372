package org.agentmon.upstream;

import java.net.URI;
import java.nio.file.Path;

/**
 * The helper's managed configuration, validated.
 *
 * @param serverURL the server's base URL without a trailing slash, or null when not configured
 * @param enrollmentToken the bearer token, or null
 * @param heartbeatMillis the interval between heartbeats
 * @param serverCAFile extra trusted CA certificates (PEM), or null
 * @param spoolMaxBytes the bound of the undelivered events on disk
 * @param backoffMinMillis the first retry delay's lower bound after a failure
 * @param backoffMaxMillis the cap of the retry delay
 * @param unauthorizedRetryMillis the retry delay while the server refuses the token
 * @param requestTimeoutMillis the bound of one whole exchange with the server, headers and body
 */
public record UpstreamConfig(URI serverURL, String enrollmentToken, long heartbeatMillis, Path serverCAFile,
    long spoolMaxBytes, long backoffMinMillis, long backoffMaxMillis, long unauthorizedRetryMillis,
    long requestTimeoutMillis) {

  /** Default {@code HeartbeatIntervalSeconds}. */
  static final long DEFAULT_HEARTBEAT_SECONDS = 60;
  /** Default {@code SpoolMaxBytes}: 16 MiB. */
  public static final long DEFAULT_SPOOL_MAX_BYTES = 16L << 20;
  static final long MIN_SPOOL_MAX_BYTES = 4096;
  static final long DEFAULT_BACKOFF_MIN_MILLIS = 1_000;
  static final long DEFAULT_BACKOFF_MAX_MILLIS = 300_000;
  static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 30_000;

  /** The configuration of a helper that has no server: no network activity at all. */
  public static final UpstreamConfig NONE = new UpstreamConfig(null, null, DEFAULT_HEARTBEAT_SECONDS * 1000, null,
      DEFAULT_SPOOL_MAX_BYTES, DEFAULT_BACKOFF_MIN_MILLIS, DEFAULT_BACKOFF_MAX_MILLIS, DEFAULT_BACKOFF_MAX_MILLIS,
      DEFAULT_REQUEST_TIMEOUT_MILLIS);

  /** @return whether a server is configured */
  public boolean configured() {
    return serverURL != null;
  }

  /**
   * @param path {@code /v1/heartbeat} or {@code /v1/events}
   * @return the endpoint under the server URL
   */
  URI endpoint(String path) {
    return URI.create(serverURL + path);
  }
}
