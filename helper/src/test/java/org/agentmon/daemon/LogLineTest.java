package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The helper's log line, written by {@link LogLine} instead of logback's {@code PatternLayout}:
 * the same text as the pattern it replaced, and redacted.
 */
class LogLineTest {
  /** The pattern the helper used before {@link LogLine}; the zone is given as the pattern's option. */
  static final String OLD_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX, ZONE} %-5level [%thread] %logger{0}: %msg%n%ex";
  static final long DEC_1_2026 = Instant.parse("2026-12-01T18:21:00.007Z").toEpochMilli();

  @TempDir Path dir;
  final LoggerContext ctx = new LoggerContext();

  @BeforeAll
  static void configureTheGlobalContextFirst() {
    // LogSetup keeps its target in static fields; configure the test JVM's own logback before one
    // test points them at a temporary file, so that later tests' logging does not follow it there.
    LoggerFactory.getILoggerFactory();
  }

  private LoggingEvent event(String logger, Level level, long millis, String msg, Throwable t, Object... args) {
    ctx.setMDCAdapter(new LogbackMDCAdapter());
    LoggingEvent e = new LoggingEvent("test", ctx.getLogger(logger), level, msg, t, args);
    e.setTimeStamp(millis);
    e.setThreadName("agentmon-config");
    return e;
  }

  private static String layout(ZoneId zone, LoggingEvent e) {
    LogLine line = new LogLine(zone);
    line.start();
    return line.doLayout(e);
  }

  @Test
  void theLineFormatIsPinned() {
    LoggingEvent warn = event("org.agentmon.daemon.UpstreamWiring", Level.WARN, DEC_1_2026, "no {}", null, "ServerURL");
    assertEquals("2026-12-01T18:21:00.007Z WARN  [agentmon-config] UpstreamWiring: no ServerURL\n",
        layout(ZoneId.of("UTC"), warn));
    assertEquals("2026-12-01T23:51:00.007+05:30 WARN  [agentmon-config] UpstreamWiring: no ServerURL\n",
        layout(ZoneId.of("Asia/Kolkata"), warn));
    LoggingEvent error = event("Plain", Level.ERROR, DEC_1_2026 + 993, "late", null);
    assertEquals("2026-12-01T15:21:01.000-03:00 ERROR [agentmon-config] Plain: late\n",
        layout(ZoneId.of("America/Sao_Paulo"), error));
  }

  @Test
  void writesWhatTheOldPatternWrote() {
    Exception cause = new IllegalStateException("the cause");
    Exception thrown = new IOException("refused", cause);
    thrown.addSuppressed(new IllegalArgumentException("suppressed"));
    long berlinSpring = Instant.parse("2026-03-29T00:59:59.999Z").toEpochMilli(); // the second before summer time
    List<Long> times = List.of(DEC_1_2026, DEC_1_2026 + 999, berlinSpring, berlinSpring + 1, 0L, -1L);
    List<String> zones = List.of("UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata");
    int compared = 0;
    for (String zone : zones) {
      PatternLayout old = new PatternLayout();
      old.setContext(ctx);
      old.setPattern(OLD_PATTERN.replace("ZONE", zone));
      old.start();
      LogLine line = new LogLine(ZoneId.of(zone));
      line.start();
      for (long t : times) {
        for (Level level : List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR)) {
          LoggingEvent e = event("org.agentmon.x.Some$Inner", level, t, "m {} {}", level == Level.ERROR ? thrown : null,
              1, "two");
          assertEquals(old.doLayout(e), line.doLayout(e), zone + " " + t + " " + level);
          compared++;
        }
      }
    }
    assertEquals(zones.size() * times.size() * 5, compared);
  }

  @Test
  void aTokenInTheMessageAndInTheStackTraceNeverReachesTheFile() throws Exception {
    Path log = dir.resolve("helper.log");
    LogSetup.target(log, false, AdminGroup.resolve("agentmon-no-such-group"));
    ctx.setMDCAdapter(new LogbackMDCAdapter());
    new LogSetup().configure(ctx);
    Exception cause = new IllegalStateException("cause at https://host/enroll?token=SECRET3");
    Exception thrown = new IOException("refused by https://enroll:SECRET2@host/p", cause);
    Thread t = new Thread(() -> ctx.getLogger("org.agentmon.upstream.Enrollment")
        .warn("enrolling at {}", "https://host/x?token=SECRET1#SECRET4", thrown), "agentmon-upstream");
    t.start();
    t.join();
    ctx.stop();
    String text = Files.readString(log);
    List<String> lines = text.lines().toList();
    assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) WARN  "
        + "\\[agentmon-upstream] Enrollment: enrolling at https://host/x\\?\\*\\*\\*"), text);
    assertEquals("java.io.IOException: refused by https://***@host/p", lines.get(1), text);
    assertTrue(lines.contains("Caused by: java.lang.IllegalStateException: cause at https://host/enroll?***"), text);
    assertTrue(lines.get(2).startsWith("\tat org.agentmon.daemon.LogLineTest."), "the stack trace follows: " + text);
    assertFalse(text.contains("SECRET"), text);
  }
}
