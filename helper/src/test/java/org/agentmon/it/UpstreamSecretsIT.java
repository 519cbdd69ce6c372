package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.agentmon.it.fixtures.HelperConfig;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.RawClient;
import org.agentmon.it.fixtures.UpstreamServer;
import org.agentmon.protocol.Upstream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The enrollment token stays secret: never in status, events or the log, and a readable one is warned about. */
class UpstreamSecretsIT {
  private static final String SECRET = "S3CRET";
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict>\n";

  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {
      XML + "<key>ServerURL</key><string>https://enroll:S3CRET@127.0.0.1:9</string></dict></plist>",
      XML + "<key>ServerURL</key><string>https://agentmon.example.com/v1?token=S3CRET</string></dict></plist>",
      XML + "<key>ServerURL</key><string>https://agentmon.example.com/a S3CRET</string></dict></plist>",
      XML + "<key>ServerURL</key><string>http://S3CRET@192.0.2.10/</string></dict></plist>",
      XML + "<key>EnrollmentToken</key><string>S3CRET</strin></dict></plist>",
      XML + "<key>EnrollmentToken</key><S3CRET></dict></plist>",
      "{ ServerURL = \"https://agentmon.example.com\"; EnrollmentToken = S3CRET S3CRET; }"})
  void theTokenIsNeverShownWhateverIsWrongWithTheConfig(String content) throws Exception {
    Path file = tmp.resolve("agentmon.plist");
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    try (HelperProcess helper = new HelperProcess(tmp.resolve("h")).args("--config", file.toString()).start()) {
      UpstreamIT.awaitTrue(() -> {
        Upstream u = UpstreamIT.statusOf(helper).upstream();
        return u != null && Upstream.State.CONFIG_ERROR.equals(u.state());
      }, Duration.ofSeconds(15), helper);
      Map<?, ?> status = RawClient.call(helper.socket, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"status\"}");
      Map<?, ?> events = RawClient.call(helper.socket,
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"events\",\"params\":{\"limit\":100}}");
      assertTrue(events.toString().contains("config.error"), "the refusal is recorded: " + events);
      assertFalse(status.toString().contains(SECRET), status.toString());
      assertFalse(events.toString().contains(SECRET), events.toString());
      String log = helper.log();
      assertTrue(log.contains("configuration refused"), log);
      assertFalse(log.contains(SECRET), log);
    }
  }

  @Test
  void aTokenEveryUserCanReadIsAWarningInStatus() throws Exception {
    Path file = new HelperConfig().put("ServerURL", "http://127.0.0.1:" + UpstreamServer.freePort())
        .put("EnrollmentToken", SECRET).fast(60_000, 200, 400).write(tmp.resolve("agentmon.plist"), "rw-r--r--");
    try (HelperProcess helper = new HelperProcess(tmp.resolve("h")).args("--config", file.toString()).start()) {
      UpstreamIT.awaitTrue(() -> UpstreamIT.statusOf(helper).upstream() != null, Duration.ofSeconds(15), helper);
      Upstream u = helper.status().upstream();
      assertEquals(List.of(file + " holds the EnrollmentToken and every user can read it (rw-r--r--); run: chmod 600 "
          + file), u.warnings());
      assertFalse(Upstream.State.CONFIG_ERROR.equals(u.state()), "a warning, not a refusal: " + u);
      assertTrue(helper.log().contains("every user can read it"), helper.log());
    }
  }

  @Test
  void theLogFileIsOwnerOnlyWithoutAnAdminGroupAndAnOld0644LogIsTightened() throws Exception {
    HelperProcess unstarted = new HelperProcess(tmp.resolve("h")).args("--admin-group", "agentmon-no-such-group");
    Files.createDirectories(unstarted.dir);
    Files.writeString(unstarted.logFile, "a line from an older helper\n");
    Files.setPosixFilePermissions(unstarted.logFile, PosixFilePermissions.fromString("rw-r--r--"));
    try (HelperProcess helper = unstarted.start()) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(helper.logFile)));
      String log = Files.readString(helper.logFile, StandardCharsets.UTF_8);
      assertTrue(log.startsWith("a line from an older helper\n") && log.contains("AgentMon helper"), log);
    }
  }

  @Test
  void aNewLogFileIsReadableByTheAdminGroupOnly() throws Exception {
    long gid = new com.sun.security.auth.module.UnixSystem().getGid();
    String group = Files.readAllLines(Path.of("/etc/group")).stream().map(l -> l.split(":", -1))
        .filter(f -> f.length >= 3 && f[2].equals(Long.toString(gid))).map(f -> f[0]).findFirst().orElse(null);
    Assumptions.assumeTrue(group != null, "our primary group " + gid + " has no name in /etc/group");
    try (HelperProcess helper = new HelperProcess(tmp.resolve("h")).args("--admin-group", group).start()) {
      assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(helper.logFile)));
      assertEquals((int) gid, Files.getAttribute(helper.logFile, "unix:gid", LinkOption.NOFOLLOW_LINKS));
    }
  }
}
