package org.agentmon.installer.install;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.agentmon.platform.CommandResult;
import org.agentmon.platform.CommandRunner;

/**
 * A fake {@link CommandRunner} for launchctl/systemctl, which cannot run on this machine: it
 * records every command and answers from a table (exit 0 with no output by default).
 */
final class RecordingRunner implements CommandRunner {
  final List<String> commands = new ArrayList<>();
  private final Map<String, CommandResult> answers = new LinkedHashMap<>();
  private final Map<String, java.util.Deque<CommandResult>> once = new LinkedHashMap<>();

  RecordingRunner answer(String command, int exitCode, String output) {
    answers.put(command, new CommandResult(exitCode, output));
    return this;
  }

  /** Answers the next run of {@code command} this way, before the table answers again. */
  RecordingRunner answerOnce(String command, int exitCode, String output) {
    once.computeIfAbsent(command, k -> new java.util.ArrayDeque<>()).add(new CommandResult(exitCode, output));
    return this;
  }

  @Override
  public CommandResult run(List<String> command) {
    String line = String.join(" ", command);
    commands.add(line);
    java.util.Deque<CommandResult> next = once.get(line);
    if (next != null && !next.isEmpty()) {
      return next.poll();
    }
    return answers.getOrDefault(line, new CommandResult(0, ""));
  }

  /** Two users logged in at the console (501, 502), root's loginwindow at the login screen. */
  static RecordingRunner mac() {
    return new RecordingRunner()
        .answer("/bin/ps -axo uid=,comm=",
            0, "    0 /System/Library/CoreServices/loginwindow.app/Contents/MacOS/loginwindow\n"
                + "  501 /System/Library/CoreServices/loginwindow.app/Contents/MacOS/loginwindow\n"
                + "  501 /usr/sbin/cfprefsd\n"
                + "  502 /System/Library/CoreServices/loginwindow.app/Contents/MacOS/loginwindow\n")
        .answer("launchctl print gui/502/org.agentmon.usrtask", 113,
            "Could not find service \"org.agentmon.usrtask\" in domain for user gui: 502");
  }
}
