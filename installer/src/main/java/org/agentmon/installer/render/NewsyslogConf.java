package org.agentmon.installer.render;

import java.util.List;

/**
 * {@code /etc/newsyslog.d/org.agentmon.conf}: macOS's log rotator keeps the helper's log and the
 * files launchd writes its stdout and stderr to (JVM fatal-error headers, thread dumps) bounded.
 * Each file is rotated at {@link #ROTATE_KB} KiB, {@link #KEEP} old copies kept, compressed
 * ({@code J}), with no process signalled ({@code N}): the helper notices that its log was replaced
 * and reopens it; launchd's stdout and stderr files stay open until the helper's next start.
 */
final class NewsyslogConf {
  /** Old copies kept per log. */
  static final int KEEP = 5;
  /** Size in KiB at which a log is rotated. */
  static final int ROTATE_KB = 10240;
  /** Mode of the rotated files: root and the admin group read them, nobody else. */
  static final String MODE = "640";

  private NewsyslogConf() {}

  /** @return the logs it rotates, in the order they are listed */
  static List<String> logs(Layout layout) {
    return List.of(layout.helperLogFile(), layout.helperStdoutFile(), layout.helperStderrFile());
  }

  static String render(Layout layout) {
    StringBuilder b = new StringBuilder()
        .append("# AgentMon: rotate the helper's logs (newsyslog.conf(5)). Written by agentmon-installer.\n")
        .append("# logfilename\t[owner:group]\tmode\tcount\tsize(KB)\twhen\tflags\n");
    for (String log : logs(layout)) {
      // newsyslog splits on white space: a path with a space cannot be listed (ours have none).
      if (log.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("a log path with white space cannot go into newsyslog.conf: " + log);
      }
      b.append(log).append("\troot:admin\t").append(MODE).append('\t').append(KEEP).append('\t')
          .append(ROTATE_KB).append("\t*\tNJ\n");
    }
    return b.toString();
  }
}
