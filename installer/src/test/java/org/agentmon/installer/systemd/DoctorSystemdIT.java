package org.agentmon.installer.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.agentmon.protocol.Json;
import org.agentmon.installer.testing.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code agentmon-installer doctor} on the installed package: every check passes; each way of
 * breaking the install makes its check fail with a fix, and running that fix repairs it.
 */
class DoctorSystemdIT {
  static Machine machine;

  @BeforeAll
  static void install() throws IOException {
    machine = Installed.machine(Path.of("target/systemd-machines"));
  }

  @AfterAll
  static void powerOff() throws IOException {
    if (machine != null) {
      machine.close();
    }
  }

  /** @return doctor's results by check name, and its exit code under "exit" */
  static Map<String, Map<?, ?>> doctor(List<Integer> exit) throws IOException {
    Tool.Result r = machine.sh("agentmon-installer doctor --json");
    exit.add(r.exitCode());
    Map<String, Map<?, ?>> byName = new java.util.LinkedHashMap<>();
    for (Object o : (List<?>) Json.parse(r.output().trim())) {
      Map<?, ?> c = (Map<?, ?>) o;
      byName.put((String) c.get("name"), c);
    }
    return byName;
  }

  /** Waits until doctor exits 0 with every check PASS (a fix may take a restart to settle). */
  static void awaitAllPass(String after) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    Map<String, Map<?, ?>> last = Map.of();
    List<Integer> exit = new java.util.ArrayList<>();
    while (System.nanoTime() < deadline) {
      exit.clear();
      last = doctor(exit);
      boolean allPass = last.values().stream().allMatch(c -> "PASS".equals(c.get("verdict")));
      if (exit.get(0) == 0 && !last.isEmpty() && allPass) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("doctor after " + after + ": exit " + exit + "\n" + last.values());
  }

  @Test
  void everyCheckPassesOnAFreshInstall() throws Exception {
    awaitAllPass("apt install");
    List<Integer> exit = new java.util.ArrayList<>();
    assertEquals(org.agentmon.installer.doctor.Doctor.checkNames(), List.copyOf(doctor(exit).keySet()),
        "doctor runs every check");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unit removed        | rm /etc/systemd/system/agentmon.service                 | plist-lint",
      "socket dir writable | chmod 0777 /run/agentmon                                | socket-dir-safe",
      "enabled flag gone   | rm /var/lib/agentmon/enabled                            | enabled-flag",
      "CDS archive gone    | rm /var/cache/agentmon/agentmon.jsa                     | cds-archive",
      "jar newer than CDS  | touch /opt/agentmon/lib/app/agentmon.jar                | cds-archive",
  })
  void aBrokenInstallFailsItsCheckAndTheFixWorks(String what, String breakIt, String check) throws Exception {
    awaitAllPass("the previous repair");
    machine.ok(breakIt);
    List<Integer> exit = new java.util.ArrayList<>();
    Map<?, ?> c = doctor(exit).get(check);
    assertNotNull(c, check);
    assertNotEquals("PASS", c.get("verdict"), what + ": " + c);
    if ("FAIL".equals(c.get("verdict"))) {
      assertEquals(1, exit.get(0), "a FAIL makes doctor exit 1");
    }
    String fix = (String) c.get("fix");
    assertNotNull(fix, what + ": no fix in " + c);
    machine.ok(fix);
    awaitAllPass("running the fix '" + fix + "' for " + what);
  }
}
