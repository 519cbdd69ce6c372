package org.agentmon.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each product fact is written once, in {@code org.agentmon.platform} (docs/architecture.md): no
 * string literal in the main sources of any module spells a label, a unit name, a system path of the
 * helper, the JVM flags' resource or {@code os.name} anywhere else.
 */
class ProductFactsTest {
  /** What only the platform package may spell. A class name such as {@code org.agentmon.usrtask.Main} is not a label. */
  private static final Pattern FACT = Pattern.compile("org\\.agentmon\\.(helper|usrtask)(?!\\.[A-Z]|\\.[a-z]+\\.[A-Za-z])"
      + "|/run/agentmon|/var/lib/agentmon|Application Support/AgentMon|/Library/Logs/AgentMon|/etc/agentmon/"
      + "|agentmon\\.(service|socket|path)\\b|helper-jvm-flags|org\\.agentmon\\.cli\\.Main|^os\\.name$");

  @Test
  void noMainSourceOutsidePlatformSpellsAProductFact() throws IOException {
    List<String> strays = new ArrayList<>();
    for (Path p : MainSources.files()) {
      String name = MainSources.ROOT.relativize(p).toString();
      if (!name.startsWith("helper/src/main/java/org/agentmon/platform/")) {
        for (String s : strays(Files.readString(p))) {
          strays.add(name + ": \"" + s + "\"");
        }
      }
    }
    assertEquals(List.of(), strays, "use org.agentmon.platform (Labels, SystemPaths, Platform, HelperCommand)");
  }

  @Test
  void theCheckSeesLiteralsNotCommentsOrClassNames() {
    String code = "// \"org.agentmon.helper\" in a comment\n/* \"/var/lib/agentmon\" */\n"
        + "String a = \"org.agentmon.usrtask.Main\"; char q = '\"';\n"
        + "String b = \"x\\\"\" + \"/Library/Preferences/org.agentmon.helper.plist\";\n"
        + "String c = System.getProperty(\"os.name\"); String d = \"check agentmon.socket\";";
    assertEquals(List.of("/Library/Preferences/org.agentmon.helper.plist", "os.name", "check agentmon.socket"),
        strays(code));
    assertEquals(List.of(), strays("String s = \"org.agentmon.usrtask.ui.UsrTaskApp\"; // org.agentmon.helper"));
  }

  /** @return the string literals of Java source that spell a product fact */
  static List<String> strays(String java) {
    List<String> found = new ArrayList<>();
    int i = 0;
    int n = java.length();
    while (i < n) {
      char c = java.charAt(i);
      if (c == '/' && i + 1 < n && java.charAt(i + 1) == '/') {
        i = java.indexOf('\n', i) < 0 ? n : java.indexOf('\n', i);
      } else if (c == '/' && i + 1 < n && java.charAt(i + 1) == '*') {
        int end = java.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'') {
        i = skipQuoted(java, i, '\'');
      } else if (c == '"') {
        int end = skipQuoted(java, i, '"');
        String literal = java.substring(i + 1, Math.max(i + 1, end - 1));
        if (FACT.matcher(literal).find()) {
          found.add(literal);
        }
        i = end;
      } else {
        i++;
      }
    }
    return found;
  }

  private static int skipQuoted(String s, int start, char quote) {
    int i = start + 1;
    while (i < s.length() && s.charAt(i) != quote) {
      i += s.charAt(i) == '\\' ? 2 : 1;
    }
    return i + 1;
  }
}
