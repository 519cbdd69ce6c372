package org.agentmon.installer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.agentmon.installer.lint.PlistLinter;
import org.agentmon.installer.testing.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login item the installer and UsrTask's "Start at Login" share. */
class UsrTaskLoginItemTest {
  @TempDir Path dir;

  @Test
  void launchAgentHasTheKeysAndTypesLaunchdWants() {
    NSDictionary d = UsrTaskLoginItem.launchAgent(List.of("/opt/x/usrtask", "--login"));
    assertEquals(List.of("Label", "ProgramArguments", "LimitLoadToSessionType", "RunAtLoad", "KeepAlive",
        "ProcessType", "AssociatedBundleIdentifiers"), List.of(d.allKeys()));
    assertEquals("org.agentmon.usrtask", d.get("Label").toJavaObject());
    assertEquals("Aqua", d.get("LimitLoadToSessionType").toJavaObject());
    assertEquals("Interactive", d.get("ProcessType").toJavaObject());
    assertEquals(NSNumber.BOOLEAN, ((NSNumber) d.get("RunAtLoad")).type());
    NSNumber successfulExit = (NSNumber) ((NSDictionary) d.get("KeepAlive")).get("SuccessfulExit");
    assertEquals(NSNumber.BOOLEAN, successfulExit.type());
    assertFalse(successfulExit.boolValue());
  }

  @Test
  void launchAgentXmlParsesWithPlistlibAndLintsClean() throws IOException {
    Path p = dir.resolve("agent.plist");
    Files.writeString(p, UsrTaskLoginItem.launchAgentXml(List.of("/Applications/AgentMon.app/Contents/MacOS/usrtask")));
    String repr = Tool.plistlib(p);
    assertEquals("{'Label': 'org.agentmon.usrtask', 'ProgramArguments': "
        + "['/Applications/AgentMon.app/Contents/MacOS/usrtask'], 'LimitLoadToSessionType': 'Aqua', "
        + "'RunAtLoad': True, 'KeepAlive': {'SuccessfulExit': False}, 'ProcessType': 'Interactive', "
        + "'AssociatedBundleIdentifiers': ['org.agentmon.AgentMon']}", repr);
    assertEquals(List.of(), PlistLinter.lint(Files.readAllBytes(p)));
  }

  @Test
  void relativeProgramIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> UsrTaskLoginItem.launchAgent(List.of("usrtask")));
    assertThrows(IllegalArgumentException.class, () -> UsrTaskLoginItem.launchAgent(List.of()));
  }

  @Test
  void hiddenOverridePassesDesktopFileValidate() throws IOException {
    Tool.assume("desktop-file-validate");
    String text = UsrTaskLoginItem.desktopEntry(UsrTaskLoginItem.execLine(List.of("/home/a b/usrtask")), true);
    assertTrue(text.contains("\nHidden=true\n"), text);
    assertTrue(text.contains("\nX-GNOME-Autostart-enabled=false\n"), text);
    assertTrue(text.contains("\nExec=\"/home/a b/usrtask\"\n"), text);
    Path p = dir.resolve("org.agentmon.usrtask.desktop");
    Files.writeString(p, text);
    Tool.Result r = Tool.run(null, List.of("desktop-file-validate", p.toString()));
    assertEquals(0, r.exitCode(), r.output());
    assertEquals("", r.output().trim());
  }

  @Test
  void enabledEntryHasNoHiddenKey() {
    String text = UsrTaskLoginItem.desktopEntry("/opt/agentmon/bin/usrtask", false);
    assertFalse(text.contains("Hidden="), text);
    assertTrue(text.contains("\nX-GNOME-Autostart-enabled=true\n"), text);
  }

  @Test
  void execWithALineBreakIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> UsrTaskLoginItem.desktopEntry("/bin/x\nHidden=true", false));
  }

  @Test
  void execLineEscapesReservedCharacters() {
    assertEquals("/bin/usrtask 100%% \"a\\$b\"", UsrTaskLoginItem.execLine(List.of("/bin/usrtask", "100%", "a$b")));
  }
}
