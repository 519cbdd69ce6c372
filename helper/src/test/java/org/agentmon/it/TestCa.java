package org.agentmon.it;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A private CA and a server certificate for 127.0.0.1 it signed, made with the JDK's keytool: what
 * an organisation with its own PKI hands the helper as {@code ServerCAFile}.
 */
final class TestCa {
  private static final String PASS = "changeit";
  final Path caPem;
  final Path serverStore;

  private TestCa(Path caPem, Path serverStore) {
    this.caPem = caPem;
    this.serverStore = serverStore;
  }

  static TestCa create(Path dir) throws IOException, InterruptedException {
    Path ca = dir.resolve("ca.p12");
    Path server = dir.resolve("server.p12");
    Path csr = dir.resolve("server.csr");
    Path cert = dir.resolve("server.pem");
    Path caPem = dir.resolve("ca.pem");
    keytool("-genkeypair", "-alias", "ca", "-dname", "CN=AgentMon Test CA", "-ext", "bc:c", "-keyalg", "EC",
        "-validity", "2", "-keystore", ca.toString(), "-storepass", PASS);
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASS,
        "-file", caPem.toString());
    keytool("-genkeypair", "-alias", "server", "-dname", "CN=127.0.0.1", "-keyalg", "EC", "-validity", "2",
        "-keystore", server.toString(), "-storepass", PASS);
    keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", PASS,
        "-file", csr.toString());
    keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASS,
        "-ext", "san=ip:127.0.0.1", "-validity", "2", "-infile", csr.toString(), "-outfile", cert.toString());
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(), "-keystore", server.toString(),
        "-storepass", PASS);
    keytool("-importcert", "-alias", "server", "-file", cert.toString(), "-keystore", server.toString(),
        "-storepass", PASS);
    return new TestCa(caPem, server);
  }

  /** @return TLS for the test server: the CA-signed certificate and its key */
  SSLContext serverContext() throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(serverStore.toFile())) {
      ks.load(in, PASS.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASS.toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + cmd + "\n" + out);
    }
  }
}
