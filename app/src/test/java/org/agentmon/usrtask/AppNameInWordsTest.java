package org.agentmon.usrtask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * People read the app's windows, menus, terminal lines, error messages and log lines (thread
 * names included): all say "AgentMon". "UsrTask" stays a component name in code, so every string
 * literal of the app's sources that names it must be a file, label or command name.
 */
class AppNameInWordsTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  /** Names, not words: the launchd/XDG label, resource and state files, the lock dir, the command. */
  private static final Pattern NAME = Pattern.compile(
      "org\\.agentmon\\.usrtask|usrtask\\.(css|properties|sock|jar)|agentmon-usrtask|\\.usrtask|usage: usrtask");

  @Test
  void everyStringThatNamesUsrTaskIsAFileLabelOrCommandName() throws IOException {
    List<String> words = new ArrayList<>();
    int files;
    try (Stream<Path> all = Files.walk(SOURCES)) {
      List<Path> sources = all.filter(p -> p.toString().endsWith(".java")).toList();
      files = sources.size();
      for (Path p : sources) {
        Matcher m = LITERAL.matcher(Files.readString(p));
        while (m.find()) {
          String rest = NAME.matcher(m.group(1)).replaceAll("");
          if (rest.toLowerCase(java.util.Locale.ROOT).contains("usrtask")) {
            words.add(SOURCES.relativize(p) + ": \"" + m.group(1) + "\"");
          }
        }
      }
    }
    assertTrue(files > 50, "the app's sources were found (" + files + " files under " + SOURCES.toAbsolutePath() + ")");
    assertEquals(List.of(), words, "words people read say AgentMon, not UsrTask");
  }
}
