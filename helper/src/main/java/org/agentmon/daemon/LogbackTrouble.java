package org.agentmon.daemon;

import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;

/**
 * Hears logback's own warnings and errors (an appender that cannot open its file, say) and writes them
 * to stderr when that is safe, else drops them. Registering any listener also stops logback from
 * printing them to stdout, which is a command's output ({@code agentmon status --json}) or the
 * daemon's stdio. Logback's own console listeners print every status, the routine ones too.
 */
final class LogbackTrouble implements StatusListener {
  private final boolean toStderr;

  LogbackTrouble(boolean toStderr) {
    this.toStderr = toStderr;
  }

  @Override
  public void addStatusEvent(Status s) {
    if (toStderr && s.getLevel() >= Status.WARN) {
      Throwable t = s.getThrowable();
      System.err.println("agentmon: logging: " + s.getMessage() + (t == null ? "" : ": " + t));
    }
  }
}
