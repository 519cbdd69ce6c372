package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.LaunchdLikeSupervisor;
import org.agentmon.it.fixtures.Tools;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code launchctl kickstart -k} kills the running job with SIGKILL, not SIGTERM, so the helper
 * cannot record anything once it has asked. It records the planned restart first; a fake
 * launchctl (launchd cannot run here) records its arguments and does what kickstart -k does to
 * the caller: SIGKILL. The launchd-like supervisor then starts the next instance.
 */
class KickstartKillIT {
  @TempDir
  Path dir;

  @Test
  void restartUnderLaunchdSurvivesKickstartsSigkillAndSaysRestarted() throws Exception {
    assumeTrue(Tools.has("python3"), "python3 runs the launchd-like test supervisor");
    assumeTrue(!Tools.has("launchctl"), "a real launchctl would restart a real job");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path calls = dir.resolve("launchctl.calls");
    Path launchctl = bin.resolve("launchctl");
    Files.writeString(launchctl, "#!/bin/sh\n"
        + "echo \"$*\" >> '" + calls + "'\n"
        + "kill -KILL \"$PPID\"\n"); // kickstart -k: SIGKILL to the running instance, which is our caller
    Files.setPosixFilePermissions(launchctl, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = Map.of("XPC_SERVICE_NAME", "org.agentmon.helper",
        "PATH", bin + ":" + System.getenv("PATH"));
    try (LaunchdLikeSupervisor sup = LaunchdLikeSupervisor.start(dir.resolve("h"), 0.5, env)) {
      Status first = sup.helper.awaitAnswer(Duration.ofSeconds(20));
      assertEquals("launchd", first.supervisor());
      try (HelperClient admin = sup.helper.client()) {
        admin.restart();
      }
      assertTrue(HelperProcess.awaitExit(first.pid(), Duration.ofSeconds(20)), "kickstart -k killed it");
      Status second = sup.helper.awaitNewInstance(first.instanceId());
      assertEquals(List.of("kickstart -k system/org.agentmon.helper"), Files.readAllLines(calls));
      assertTrue(sup.exitCodes().contains(137) || sup.exitCodes().contains(-9),
          "the first instance died of SIGKILL: " + sup.events());
      assertTrue(second.lastExit().startsWith("restarted"), "recorded before asking: " + second.lastExit());
    }
  }
}
