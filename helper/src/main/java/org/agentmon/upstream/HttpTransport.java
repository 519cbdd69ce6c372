package org.agentmon.upstream;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.agentmon.protocol.Json;

/**
 * Posts JSON to the server with the bearer token. The JDK's HTTP client is built on first use, on
 * the client's thread, so the helper's start-up never pays for it. The whole exchange, headers and
 * body, ends within the request timeout, and a body is read up to {@link #MAX_BODY_BYTES}: the
 * JDK's own timeout stops at the headers, so a body that trickles forever would hold the client.
 */
final class HttpTransport {
  /** The largest answer read; the server's answers are a few bytes. */
  static final long MAX_BODY_BYTES = 1 << 20;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final UpstreamConfig config;
  private HttpClient client;

  HttpTransport(UpstreamConfig config) {
    this.config = config;
  }

  /**
   * @param path {@code /v1/heartbeat} or {@code /v1/events}
   * @param body the JSON body
   * @return the HTTP status code
   * @throws IOException when no complete answer came (refused, timeout, TLS failure, too large)
   */
  int post(String path, Object body) throws IOException {
    long timeout = config.requestTimeoutMillis();
    HttpRequest.Builder req = HttpRequest.newBuilder(config.endpoint(path))
        .timeout(Duration.ofMillis(timeout))
        .header("Content-Type", "application/json")
        .header("User-Agent", "agentmon-helper")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
    if (config.enrollmentToken() != null) {
      req.header("Authorization", "Bearer " + config.enrollmentToken());
    }
    CompletableFuture<HttpResponse<Void>> exchange =
        client().sendAsync(req.build(), info -> new BoundedBody(MAX_BODY_BYTES));
    try {
      return exchange.get(timeout, TimeUnit.MILLISECONDS).statusCode();
    } catch (TimeoutException e) {
      exchange.cancel(true); // closes the connection
      throw new HttpTimeoutException("no complete answer (headers and body) within " + timeout + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof IOException ? (IOException) cause : new IOException(String.valueOf(cause), cause);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }

  private HttpClient client() throws IOException {
    if (client == null) {
      HttpClient.Builder b = HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER) // a redirect could take the token elsewhere
          .version(HttpClient.Version.HTTP_1_1);
      Path ca = config.serverCAFile();
      if (ca != null) {
        try {
          SSLContext ctx = PrivateTrust.context(ca);
          b.sslContext(ctx);
        } catch (GeneralSecurityException e) {
          throw new IOException("cannot use ServerCAFile " + ca + ": " + e.getMessage(), e);
        }
      }
      client = b.build();
    }
    return client;
  }
}
