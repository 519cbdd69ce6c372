package org.agentmon.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every event type of the event log in words, with the uid said as a user name. */
class EventTextTest {
  private static String say(String type, Object... kv) {
    Map<String, Object> ev = new LinkedHashMap<>();
    ev.put("type", type);
    for (int i = 0; i < kv.length; i += 2) {
      ev.put((String) kv[i], kv[i + 1]);
    }
    return EventText.describe(ev, uid -> uid == 0 ? "root" : uid == 1000 ? "alice" : "user " + uid);
  }

  @Test
  void adminActionsNameTheUser() {
    assertEquals("Started by root", say("helper.enabled", "uid", 0L, "pid", 12L));
    assertEquals("Restarted by alice", say("helper.restart-requested", "uid", 1000));
    assertEquals("Stopped by alice", say("helper.stopped", "uid", 1000));
    assertEquals("Started by user 4242", say("helper.enabled", "uid", 4242));
  }

  @Test
  void lifeEventsAreSentences() {
    assertEquals("AgentMon started", say("helper.started", "pid", 5));
    assertEquals("AgentMon started after an unexpected stop",
        say("helper.started", "previousRun", "unknown: pid 9 (started 10:00) was killed or crashed"));
    assertEquals("AgentMon stopped (SIGTERM)", say("helper.stopped", "reason", "SIGTERM"));
    assertEquals("Safe mode: AgentMon stopped after repeated crashes", say("helper.safe-mode", "reason", "crash loop"));
    assertEquals("The server refused this computer's credentials", say("upstream.unauthorized", "status", 401));
    assertEquals("The settings file was refused: /etc/x is writable by group or others",
        say("config.error", "error", "/etc/x is writable by group or others"));
  }

  @Test
  void anUnknownTypeIsSaidPlainlyNotDropped() {
    assertEquals("Helper something new", say("helper.something-new"));
    assertEquals("Helper something new by alice", say("helper.something-new", "uid", 1000));
  }

  @Test
  void userNamesComeFromThePasswdFile(@TempDir Path dir) throws Exception {
    Path passwd = dir.resolve("passwd");
    Files.writeString(passwd, "root:x:0:0:root:/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n");
    assertEquals("alice", UserNames.fromPasswd(passwd, 1000));
    assertEquals(null, UserNames.fromPasswd(passwd, 1001));
    assertEquals("root", UserNames.name(0));
  }
}
