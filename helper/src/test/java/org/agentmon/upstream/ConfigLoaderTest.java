package org.agentmon.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
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

  @ParameterizedTest
  @ValueSource(strings = {"https://enroll:S3CRET@host.example", "https://host.example/?token=S3CRET",
      "https://host.example/#S3CRET", "https://host.example/a S3CRET", "http://enroll:S3CRET@10.0.0.1",
      "https://S3CRET@host.example"})
  void aRefusedServerUrlNeverShowsTheToken(String url) {
    IOException e = assertThrows(IOException.class, () -> ConfigLoader.serverUri(url));
    assertFalse(e.getMessage().contains("S3CRET"), e.getMessage());
  }

  @Test
  void userInfoInTheServerUrlIsRefusedWithTheReason() {
    IOException e = assertThrows(IOException.class, () -> ConfigLoader.serverUri("https://enroll:S3CRET@host.example"));
    assertEquals("ServerURL https://***@host.example must not hold a user name or password; put the token in "
        + "EnrollmentToken", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{ EnrollmentToken = \"S3CRET", "( S3CRET, S3CRET S3CRET )", "{ a = <S3CRET>; }",
      "<?xml version=\"1.0\"?><plist><dict><key>EnrollmentToken</key><string>S3CRET</strin></dict></plist>",
      "<?xml version=\"1.0\"?><plist><S3CRET>", "bplist00S3CRETS3CRETS3CRETS3CRETS3CRET"})
  void aBrokenFileIsReportedWithoutItsContentAndWithoutNoise(String content) throws IOException {
    Path f = dir.resolve("c.plist");
    Files.writeString(f, content);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream noise = new java.io.ByteArrayOutputStream();
    ConfigResult r;
    System.setErr(new java.io.PrintStream(noise, true));
    try {
      r = ConfigLoader.load(List.of(f), OWN_UID);
    } finally {
      System.setErr(err);
    }
    assertTrue(r.error().startsWith(f + ": not a valid property list ("), r.error());
    assertFalse(r.error().contains("S3CRET"), r.error());
    assertEquals("", noise.toString(), "nothing on stderr (the XML parser's [Fatal Error] lines quote the file)");
  }

  @Test
  void deeplyNestedAsciiIsAConfigErrorNotAStackOverflow() throws IOException {
    Path f = dir.resolve("c.plist");
    Files.writeString(f, "(".repeat(100_000));
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    ConfigResult r = ConfigLoader.load(List.of(f), OWN_UID);
    assertEquals(f + ": not a valid property list (ASCII format, nested too deeply)", r.error());
    assertFalse(r.config().configured());
  }

  @Test
  void aFifoIsRefusedWithoutOpeningIt() throws Exception {
    Path fifo = mkfifo(dir.resolve("c.plist"));
    ConfigResult r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ConfigLoader.load(List.of(fifo), OWN_UID));
    assertEquals(fifo + " is not a regular file (a FIFO, socket or device): refusing to read it", r.error());
  }

  @Test
  void anOversizeFileAndADirectoryAreRefused() throws IOException {
    Path big = dir.resolve("big.plist");
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      raf.setLength(2L << 20); // sparse: 2 MiB of nothing
    }
    Files.setPosixFilePermissions(big, PosixFilePermissions.fromString("rw-------"));
    assertEquals(big + " is 2097152 bytes; a preferences file is at most 1048576 bytes: refusing to read it",
        ConfigLoader.load(List.of(big), OWN_UID).error());
    Path d = Files.createDirectory(dir.resolve("d.plist"));
    Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
    assertTrue(ConfigLoader.load(List.of(d), OWN_UID).error().contains("is not a regular file (a directory)"));
  }

  @Test
  void aTokenEveryUserCanReadIsAWarningNotARefusal() throws IOException {
    Path open = write("open.plist", dict("ServerURL", "https://a.example", "EnrollmentToken", "S3CRET"), "rw-r--r--");
    ConfigResult r = ConfigLoader.load(List.of(open), OWN_UID);
    assertNull(r.error());
    assertEquals(List.of(open + " holds the EnrollmentToken and every user can read it (rw-r--r--); run: chmod 600 "
        + open), r.warnings());
    Path closed = write("closed.plist", dict("ServerURL", "https://a.example", "EnrollmentToken", "S3CRET"),
        "rw-r-----");
    Path tokenless = write("tokenless.plist", dict("ServerURL", "https://a.example"), "rw-r--r--");
    assertEquals(List.of(), ConfigLoader.load(List.of(closed, tokenless), OWN_UID).warnings());
  }

  /** Makes a FIFO with mkfifo(1), or skips the test where there is none. */
  static Path mkfifo(Path p) throws Exception {
    Process proc;
    try {
      proc = new ProcessBuilder("mkfifo", "-m", "600", p.toString()).inheritIO().start();
    } catch (IOException e) {
      org.junit.jupiter.api.Assumptions.abort("mkfifo is not available: " + e.getMessage());
      return p;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(proc.waitFor() == 0, "mkfifo failed");
    return p;
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
