package org.agentmon.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
  private static final long OWN_UID = ((Number) uid()).longValue();

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"https://agentmon.example.com", "http://127.0.0.1:8080", "http://[::1]:8080/",
      "http://localhost:1", "https://10.0.0.1/base/"})
  void acceptedServerUrls(String url) throws IOException {
    assertFalse(ConfigLoader.serverUri(url).toString().endsWith("/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://agentmon.example.com", "http://10.0.0.1", "http://127.0.0.1.evil.example",
      "ftp://x.example", "https://user@x.example", "https://x.example/?q=1", "not a url", "https:///nohost"})
  void refusedServerUrls(String url) {
    assertThrows(IOException.class, () -> ConfigLoader.serverUri(url));
  }

  @Test
  void managedPreferencesOverrideKeyByKey() throws IOException {
    Path local = write("local.plist", dict("ServerURL", "https://a.example", "EnrollmentToken", "local"), "rw-r--r--");
    Path managed = write("managed.plist", dict("EnrollmentToken", "mdm"), "rw-r--r--");
    ConfigResult r = ConfigLoader.load(List.of(local, managed, dir.resolve("missing.plist")), OWN_UID);
    assertNull(r.error());
    assertEquals("https://a.example", r.config().serverURL().toString());
    assertEquals("mdm", r.config().enrollmentToken());
    assertEquals(60_000, r.config().heartbeatMillis());
  }

  @Test
  void aFileOthersMayWriteIsRefused() throws IOException {
    Path f = write("c.plist", dict("ServerURL", "https://a.example"), "rw-rw-rw-");
    ConfigResult r = ConfigLoader.load(List.of(f), OWN_UID);
    assertTrue(r.refused());
    assertTrue(r.error().contains("writable by group or others"), r.error());
    assertFalse(r.config().configured(), "a refused configuration makes no network activity");
  }

  @Test
  void aFileOfAnotherUserIsRefused() throws IOException {
    Path f = write("c.plist", dict("ServerURL", "https://a.example"), "rw-r--r--");
    ConfigResult r = ConfigLoader.load(List.of(f), OWN_UID + 4242);
    if (OWN_UID == 0) {
      assertNull(r.error(), "root owns it: trusted whatever uid the helper runs as");
    } else {
      assertTrue(r.error().contains("owned by uid"), r.error());
    }
  }

  @Test
  void wrongTypesAndNoFilesAreReported() throws IOException {
    Path f = write("c.plist", dict("ServerURL", "https://a.example", "HeartbeatIntervalSeconds", "sixty"), "rw-------");
    assertTrue(ConfigLoader.load(List.of(f), OWN_UID).error().contains("HeartbeatIntervalSeconds"));
    ConfigResult none = ConfigLoader.load(List.of(dir.resolve("nothing.plist")), OWN_UID);
    assertNull(none.error());
    assertFalse(none.config().configured());
  }

  private static NSDictionary dict(Object... kv) {
    NSDictionary d = new NSDictionary();
    for (int i = 0; i < kv.length; i += 2) {
      d.put((String) kv[i], kv[i + 1]);
    }
    return d;
  }

  private Path write(String name, NSDictionary d, String mode) throws IOException {
    Path f = dir.resolve(name);
    PropertyListParser.saveAsXML(d, f.toFile());
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
    return f;
  }

  private static Object uid() {
    try {
      return Files.getAttribute(Path.of(System.getProperty("java.io.tmpdir")), "unix:uid");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
