package org.agentmon.daemon;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.agentmon.upstream.Redaction;

/**
 * One helper log line: {@code 2026-12-01T18:21:00.753Z INFO  [main] Daemon: message}, then the
 * stack trace if there is one (logback's own form). Written by hand rather than by logback's
 * {@code PatternLayout}, whose converter table, lambdas and pattern parser cost each cold start
 * some 170 classes and half of logback's set-up time. The message and the stack trace pass through
 * {@link Redaction}: a URL with a token in it never reaches the log, whichever class logged it.
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
  private final ZoneId zone;
  /** Guards the cached second: logback may call a layout from several threads. */
  private final Object lock = new Object();
  private long second = Long.MIN_VALUE;
  /** {@code yyyy-MM-ddTHH:mm:ss.} of {@link #second}, local time. */
  private String secondText = "";
  /** The zone's offset at {@link #second}: {@code Z} or {@code +01:00}. */
  private String offsetText = "";

  /** @param zone the time zone the times are written in (the system's, for the helper) */
  LogLine(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(128);
    time(line, event.getTimeStamp());
    String level = event.getLevel().toString();
    line.append(' ').append(level);
    for (int i = level.length(); i < 5; i++) {
      line.append(' ');
    }
    String logger = event.getLoggerName();
    line.append(" [").append(event.getThreadName()).append("] ")
        .append(logger, logger.lastIndexOf('.') + 1, logger.length()).append(": ")
        .append(Redaction.text(event.getFormattedMessage())).append(CoreConstants.LINE_SEPARATOR);
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown != null) {
      line.append(Redaction.text(ThrowableProxyUtil.asString(thrown)));
    }
    return line.toString();
  }

  /** Appends the local time with milliseconds and offset; the text of the second is made once a second. */
  private void time(StringBuilder line, long millis) {
    long s = Math.floorDiv(millis, 1000);
    String prefix;
    String offset;
    synchronized (lock) {
      if (s != second) {
        ZoneOffset o = zone.getRules().getOffset(Instant.ofEpochSecond(s));
        LocalDateTime t = LocalDateTime.ofEpochSecond(s, 0, o);
        StringBuilder b = new StringBuilder(20);
        digits(b, t.getYear(), 4).append('-');
        digits(b, t.getMonthValue(), 2).append('-');
        digits(b, t.getDayOfMonth(), 2).append('T');
        digits(b, t.getHour(), 2).append(':');
        digits(b, t.getMinute(), 2).append(':');
        digits(b, t.getSecond(), 2).append('.');
        secondText = b.toString();
        offsetText = o.getId(); // "Z" at zero, else +HH:MM[:SS]: what the pattern letters XXX write
        second = s;
      }
      prefix = secondText;
      offset = offsetText;
    }
    line.append(prefix);
    digits(line, (int) Math.floorMod(millis, 1000), 3).append(offset);
  }

  /** Appends {@code n} zero-padded to {@code width} digits. */
  private static StringBuilder digits(StringBuilder b, int n, int width) {
    String s = Integer.toString(n);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }
}
