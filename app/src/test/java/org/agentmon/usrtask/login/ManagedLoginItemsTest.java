package org.agentmon.usrtask.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.agentmon.platform.CommandResult;
import org.agentmon.platform.CommandRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An MDM "Managed Login Items" rule makes Start at Login read-only, with the reason. */
class ManagedLoginItemsTest {
  @TempDir Path dir;

  private Path prefs(String type, String value) throws IOException {
    Path p = dir.resolve("com.apple.servicemanagement.plist");
    Files.writeString(p, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<plist version=\"1.0\"><dict><key>Rules</key><array>"
        + "<dict><key>RuleType</key><string>TeamIdentifier</string><key>RuleValue</key><string>ABCDE12345</string></dict>"
        + "<dict><key>RuleType</key><string>" + type + "</string><key>RuleValue</key><string>" + value + "</string>"
        + "<key>Comment</key><string>AgentMon</string></dict></array></dict></plist>\n");
    return p;
  }

  @Test
  void eachRuleTypeThatNamesUsMatches() throws IOException {
    for (String[] rule : new String[][] {{"Label", "org.agentmon.usrtask"}, {"LabelPrefix", "org.agentmon."},
        {"BundleIdentifier", "org.agentmon.AgentMon"}, {"BundleIdentifierPrefix", "org.agentmon"}}) {
      assertEquals("managed by your organization (Login Items rule " + rule[0] + " " + rule[1] + ")",
          ManagedLoginItems.reason(prefs(rule[0], rule[1]), "org.agentmon.usrtask", "org.agentmon.AgentMon"));
    }
  }

  @Test
  void otherRulesNoFileOrAMalformedFileMeanNotManaged() throws IOException {
    assertNull(ManagedLoginItems.reason(prefs("LabelPrefix", "com.example."), "org.agentmon.usrtask", "org.agentmon.AgentMon"));
    assertNull(ManagedLoginItems.reason(dir.resolve("absent.plist"), "org.agentmon.usrtask", "org.agentmon.AgentMon"));
    Path bad = Files.writeString(dir.resolve("bad.plist"), "<plist><dict><key>Rules</key>");
    assertNull(ManagedLoginItems.reason(bad, "org.agentmon.usrtask", "org.agentmon.AgentMon"));
  }

  @Test
  void aManagedItemRefusesToChangeAndRunsNothing() throws IOException {
    List<List<String>> ran = new ArrayList<>();
    CommandRunner launchctl = cmd -> {
      ran.add(cmd);
      return new CommandResult(0, "");
    };
    Files.createDirectories(dir.resolve("system"));
    Files.writeString(dir.resolve("system/org.agentmon.usrtask.plist"), "x");
    LaunchAgentLoginItem item = new LaunchAgentLoginItem(dir.resolve("user"), dir.resolve("system"), 501,
        List.of("/Applications/AgentMon.app/Contents/MacOS/usrtask"), launchctl, prefs("LabelPrefix", "org.agentmon."));
    assertEquals("managed by your organization (Login Items rule LabelPrefix org.agentmon.)", item.managedReason());
    IOException e = assertThrows(IOException.class, () -> item.setEnabled(false));
    assertEquals("managed by your organization (Login Items rule LabelPrefix org.agentmon.); it cannot be changed here",
        e.getMessage());
    assertFalse(ran.stream().anyMatch(c -> c.contains("disable")), ran.toString());
  }
}
