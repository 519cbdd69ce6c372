package org.agentmon.installer.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of bytes and files, as lower-case hex. */
final class Sha256 {
  /** What the manifest records for a file that is not there. */
  static final String ABSENT = "absent";

  private Sha256() {}

  static String of(byte[] content) {
    return HexFormat.of().formatHex(digest().digest(content));
  }

  static String of(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return ABSENT;
    }
    MessageDigest d = digest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw IoErrors.failed("read", file, e);
    }
    return HexFormat.of().formatHex(d.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
