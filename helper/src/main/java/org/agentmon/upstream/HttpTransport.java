package org.agentmon.upstream;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.agentmon.protocol.Json;

/**
 * Posts JSON to the server with the bearer token. The JDK's HTTP client is built on first use, on
 * the link's thread, so the helper's start-up never pays for it.
 */
final class HttpTransport {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final UpstreamConfig config;
  private HttpClient client;

  HttpTransport(UpstreamConfig config) {
    this.config = config;
  }

  /**
   * @param path {@code /v1/heartbeat} or {@code /v1/events}
   * @param body the JSON body
   * @return the HTTP status code
   * @throws IOException when no answer came (refused, timeout, TLS failure)
   */
  int post(String path, Object body) throws IOException {
    HttpRequest.Builder req = HttpRequest.newBuilder(config.endpoint(path))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "agentmon-helper")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
    if (config.enrollmentToken() != null) {
      req.header("Authorization", "Bearer " + config.enrollmentToken());
    }
    try {
      return client().send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (InterruptedException e) {
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
