package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: after newsyslog renamed helper.log and created a new one, the helper kept writing
 * into the rotated copy until its next start. It now follows the path, as a rotator expects.
 */
class ReopeningFileAppenderTest {
  @TempDir Path dir;
  final AtomicLong now = new AtomicLong(1_000_000);
  final LoggerContext ctx = new LoggerContext();

  private ReopeningFileAppender appender(Path log) {
    ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern("%msg%n");
    enc.start();
    ReopeningFileAppender a = new ReopeningFileAppender(-1, now::get);
    a.setContext(ctx);
    a.setEncoder(enc);
    a.setFile(log.toString());
    a.start();
    return a;
  }

  private void log(ReopeningFileAppender a, String msg) {
    a.doAppend(new LoggingEvent("test", ctx.getLogger("t"), Level.INFO, msg, null, null));
  }

  @Test
  void afterRotationTheNewFileGetsTheNextLines() throws IOException {
    Path log = dir.resolve("helper.log");
    ReopeningFileAppender a = appender(log);
    log(a, "before rotation");
    Files.move(log, dir.resolve("helper.log.0")); // what newsyslog does; here it creates no new file
    log(a, "still in the rotated copy until the next check");
    now.addAndGet(ReopeningFileAppender.CHECK_MILLIS);
    log(a, "after rotation");
    log(a, "and on");
    a.stop();
    assertEquals(List.of("before rotation", "still in the rotated copy until the next check"),
        Files.readAllLines(dir.resolve("helper.log.0")));
    assertEquals(List.of("after rotation", "and on"), Files.readAllLines(log));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)),
        "the new file is private, like the first");
  }

  @Test
  void aFileTheRotatorCreatedIsUsedAsItIs() throws IOException {
    Path log = dir.resolve("helper.log");
    ReopeningFileAppender a = appender(log);
    log(a, "one");
    Files.move(log, dir.resolve("helper.log.0"));
    Files.writeString(log, "");
    now.addAndGet(ReopeningFileAppender.CHECK_MILLIS);
    log(a, "two");
    now.addAndGet(ReopeningFileAppender.CHECK_MILLIS);
    log(a, "three");
    a.stop();
    assertEquals(List.of("two", "three"), Files.readAllLines(log));
  }
}
