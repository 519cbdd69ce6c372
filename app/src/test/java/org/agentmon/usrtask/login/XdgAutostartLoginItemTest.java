package org.agentmon.usrtask.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Linux login item: real files in a temp home, checked by {@code desktop-file-validate}. */
class XdgAutostartLoginItemTest {
  private static final List<String> ARGV = List.of("/usr/lib/jvm/java 17/bin/java", "-jar", "/opt/agentmon/usrtask.jar");

  @TempDir Path dir;

  @Test
  void onWritesAValidEntryAndOffLeavesNothingBehind() throws Exception {
    XdgAutostartLoginItem item = new XdgAutostartLoginItem(dir.resolve("home/autostart"), dir.resolve("etc/autostart"), ARGV);
    assertFalse(item.isEnabled());
    item.setEnabled(true);
    assertTrue(item.isEnabled());
    Map<String, String> e = parse(item.userEntry());
    assertEquals("Application", e.get("Type"));
    assertEquals("AgentMon", e.get("Name"));
    assertEquals("\"/usr/lib/jvm/java 17/bin/java\" -jar /opt/agentmon/usrtask.jar", e.get("Exec"));
    assertEquals("true", e.get("X-GNOME-Autostart-enabled"));
    assertFalse(e.containsKey("Hidden"));
    validate(item.userEntry());
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(item.userEntry())), "written through AtomicFiles: the user's own, as before");
    try (var left = Files.list(dir.resolve("home/autostart"))) {
      assertEquals(List.of(item.userEntry()), left.toList(), "no temp file next to the entry");
    }
    item.setEnabled(false);
    assertFalse(item.isEnabled());
    try (var left = Files.list(dir.resolve("home/autostart"))) {
      assertEquals(List.of(), left.toList(), "no entry and no temp file left");
    }
  }

  @Test
  void withASystemEntryOffHidesItAndOnRemovesTheOverride() throws Exception {
    Path system = dir.resolve("etc/autostart/org.agentmon.usrtask.desktop");
    Files.createDirectories(system.getParent());
    Files.writeString(system, UsrTaskEntries.desktopEntry("/opt/agentmon/usrtask", false));
    XdgAutostartLoginItem item = new XdgAutostartLoginItem(dir.resolve("home/autostart"), system.getParent(), ARGV);
    assertTrue(item.isEnabled(), "the installer's entry starts UsrTask");
    item.setEnabled(false);
    assertFalse(item.isEnabled());
    assertEquals("true", parse(item.userEntry()).get("Hidden"));
    validate(item.userEntry());
    item.setEnabled(true);
    assertTrue(item.isEnabled());
    assertFalse(Files.exists(item.userEntry()), "no second entry next to the system one");
    assertTrue(Files.exists(system), "the system entry is the installer's, untouched");
  }

  private static Map<String, String> parse(Path entry) throws IOException {
    List<String> lines = Files.readAllLines(entry);
    assertEquals("[Desktop Entry]", lines.get(0));
    Map<String, String> m = new LinkedHashMap<>();
    for (String l : lines.subList(1, lines.size())) {
      int eq = l.indexOf('=');
      m.put(l.substring(0, eq), l.substring(eq + 1));
    }
    return m;
  }

  private static void validate(Path entry) throws Exception {
    Assumptions.assumeTrue(onPath("desktop-file-validate"), "desktop-file-validate is not installed (desktop-file-utils)");
    Process p = new ProcessBuilder("desktop-file-validate", entry.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    assertFalse(out.contains("error"), out);
  }

  static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}
