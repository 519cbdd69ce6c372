package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.it.fixtures.HelperProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, row 3c: a helper's cold start spent a third of its time in logback's {@code
 * PatternLayout} (its converter table and pattern parser). The helper now writes its log lines
 * itself, in the same form, and a start loads none of logback's pattern classes.
 */
class HelperLogIT {
  @TempDir Path dir;

  @Test
  void aStartLoadsNoPatternClassAndWritesTheUsualLines() throws Exception {
    Path classLog = dir.resolve("classes.log");
    try (HelperProcess h = new HelperProcess(dir.resolve("h"))) {
      h.jvm(List.of("-Xlog:class+load=info:file=" + classLog));
      String log = h.start().log();
      assertTrue(log.lines().anyMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"
          + "(Z|[+-]\\d\\d:\\d\\d(:\\d\\d)?) INFO  \\[main] Daemon: AgentMon helper .* running")), log);
      List<String> loaded = Files.readAllLines(classLog);
      assertTrue(loaded.stream().anyMatch(l -> l.contains("org.agentmon.daemon.LogLine ")), "the log lists our classes");
      assertEquals(List.of(), loaded.stream().filter(l -> l.contains("ch.qos.logback.core.pattern.")
          || l.contains("ch.qos.logback.classic.pattern.") || l.contains("ch.qos.logback.classic.PatternLayout"))
          .toList());
    }
  }
}
