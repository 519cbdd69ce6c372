package org.agentmon.it;

import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a helper preferences plist for a test, mode 0600 unless the test says otherwise. */
final class HelperConfig {
  private final NSDictionary dict = new NSDictionary();

  HelperConfig put(String key, Object value) {
    dict.put(key, value);
    return this;
  }

  /** Fast timings so that backoff and heartbeat tests take seconds. */
  HelperConfig fast(long heartbeatMillis, long backoffMin, long backoffMax) {
    return put("TestingHeartbeatIntervalMillis", heartbeatMillis).put("TestingBackoffMinMillis", backoffMin)
        .put("TestingBackoffMaxMillis", backoffMax);
  }

  Path write(Path file, String mode) throws IOException {
    Files.createDirectories(file.getParent());
    PropertyListParser.saveAsXML(dict, file.toFile());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  Path write(Path file) throws IOException {
    return write(file, "rw-------");
  }
}
