package org.agentmon.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Configures logback in code, found through {@code ServiceLoader}: faster at start-up than an XML
 * file, and it never picks stdout, which may be the socket. The daemon chooses a file or stderr
 * with {@link #target} before its first log line; every other use logs warnings to stderr. The log
 * file is private (0640 with the admin group, else 0600) and every line is redacted
 * ({@link LogLine}): the helper runs as root and its log may name the server.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  private static volatile Path file;
  private static volatile boolean stderr = true;
  private static volatile Level level = Level.WARN;
  private static volatile long adminGid = -1;

  /** Public for {@code ServiceLoader}; logback calls it. */
  public LogSetup() {
    // stateless: reads the static target
  }

  /**
   * Chooses where the daemon logs; call before the first logger is created.
   *
   * @param logFile a file to append to, or null
   * @param stderrIsSafe whether stderr may be written (it is not when it is the socket)
   * @param adminGroup the group that may read the log file besides root
   */
  static void target(Path logFile, boolean stderrIsSafe, AdminGroup adminGroup) {
    file = logFile;
    stderr = stderrIsSafe;
    adminGid = adminGroup.gid();
    level = Level.INFO;
    if (logFile != null) {
      try {
        makePrivate(logFile, adminGroup.gid());
      } catch (IOException e) {
        if (stderrIsSafe) {
          System.err.println("agentmon daemon: cannot make the log file " + logFile + " private: " + e);
        }
      }
    }
  }

  /**
   * Creates the log file 0640 with the admin group (0600 when there is none or it cannot be set), or
   * brings an existing one (an older helper made it 0644) to that; never through a symbolic link.
   */
  static void makePrivate(Path f, long adminGid) throws IOException {
    Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-r-----");
    Set<PosixFilePermission> own = PosixFilePermissions.fromString("rw-------");
    Path dir = f.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir); // as logback would, before it creates the file with the umask's mode
    }
    try {
      Files.newByteChannel(f, Set.<OpenOption>of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(own)).close();
    } catch (FileAlreadyExistsException e) {
      PosixFileAttributes a = Files.readAttributes(f, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isRegularFile()) {
        throw new IOException(f + " is not a regular file");
      }
    }
    boolean grouped = false;
    if (adminGid >= 0) {
      try {
        Files.setAttribute(f, "unix:gid", (int) adminGid, LinkOption.NOFOLLOW_LINKS);
        grouped = true;
      } catch (IOException | UnsupportedOperationException e) {
        grouped = false; // not root and not in that group: owner only
      }
    }
    Files.getFileAttributeView(f, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setPermissions(grouped ? shared : own);
  }

  @Override
  public ExecutionStatus configure(LoggerContext ctx) {
    ctx.getStatusManager().add(new LogbackTrouble(stderr)); // and never stdout
    ch.qos.logback.classic.Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level);
    LogLine layout = new LogLine(ZoneId.systemDefault());
    layout.setContext(ctx);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> enc = new LayoutWrappingEncoder<>();
    enc.setContext(ctx);
    enc.setLayout(layout);
    enc.start();
    OutputStreamAppender<ILoggingEvent> app;
    if (file != null) {
      FileAppender<ILoggingEvent> f = new ReopeningFileAppender(adminGid, System::currentTimeMillis);
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
