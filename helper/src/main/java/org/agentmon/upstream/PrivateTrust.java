package org.agentmon.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for a server behind a private CA: the JDK's default roots plus the certificates of
 * {@code ServerCAFile}. Host names are still verified (the HTTP client does that).
 */
final class PrivateTrust {
  private PrivateTrust() {}

  static SSLContext context(Path caFile) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    int n = 0;
    TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    defaults.init((KeyStore) null);
    for (TrustManager tm : defaults.getTrustManagers()) {
      if (tm instanceof X509TrustManager) {
        for (X509Certificate c : ((X509TrustManager) tm).getAcceptedIssuers()) {
          ks.setCertificateEntry("default-" + n++, c);
        }
      }
    }
    Collection<? extends Certificate> extra;
    try (InputStream in = Files.newInputStream(caFile)) {
      extra = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (extra.isEmpty()) {
      throw new GeneralSecurityException("no certificate in " + caFile);
    }
    for (Certificate c : extra) {
      ks.setCertificateEntry("server-ca-" + n++, c);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
