package org.agentmon.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * Configures logback in code, found through {@code ServiceLoader}: faster at start-up than an XML
 * file, and it never picks stdout, which may be the socket. The daemon chooses a file or stderr
 * with {@link #target} before its first log line; every other use logs warnings to stderr.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  private static volatile Path file;
  private static volatile boolean stderr = true;
  private static volatile Level level = Level.WARN;

  /** Public for {@code ServiceLoader}; logback calls it. */
  public LogSetup() {
    // stateless: reads the static target
  }

  /**
   * Chooses where the daemon logs; call before the first logger is created.
   *
   * @param logFile a file to append to, or null
   * @param stderrIsSafe whether stderr may be written (it is not when it is the socket)
   */
  static void target(Path logFile, boolean stderrIsSafe) {
    file = logFile;
    stderr = stderrIsSafe;
    level = Level.INFO;
  }

  @Override
  public ExecutionStatus configure(LoggerContext ctx) {
    ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level);
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0}: %msg%n");
    enc.start();
    OutputStreamAppender<ILoggingEvent> app;
    if (file != null) {
      FileAppender<ILoggingEvent> f = new FileAppender<>();
      f.setFile(file.toString());
      f.setAppend(true);
      app = f;
    } else if (stderr) {
      ConsoleAppender<ILoggingEvent> c = new ConsoleAppender<>();
      c.setTarget("System.err");
      app = c;
    } else {
      root.setLevel(Level.OFF); // nowhere safe to write
      return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
    app.setContext(ctx);
    app.setName("main");
    app.setEncoder(enc);
    app.start();
    root.addAppender(app);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
