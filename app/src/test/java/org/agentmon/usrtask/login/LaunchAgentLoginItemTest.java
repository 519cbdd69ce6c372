package org.agentmon.usrtask.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.PropertyListParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.agentmon.platform.CommandResult;
import org.agentmon.platform.CommandRunner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macOS login item: the plist is real and parsed back (dd-plist and Python's plistlib);
 * launchctl cannot exist on Linux, so a recorder stands in and the commands it got are asserted.
 */
class LaunchAgentLoginItemTest {
  private static final List<String> ARGV = List.of("/Applications/AgentMon.app/Contents/MacOS/UsrTask");

  @TempDir Path dir;
  private final List<List<String>> ran = new ArrayList<>();
  private String printDisabled = "disabled services = {\n}\n";
  private final CommandRunner launchctl = cmd -> {
    ran.add(cmd);
    return new CommandResult(0, cmd.get(1).equals("print-disabled") ? printDisabled : "");
  };

  @Test
  void onWritesTheExpectedPlistAndBootstrapsItOffBootsOutAndRemoves() throws Exception {
    LaunchAgentLoginItem item = new LaunchAgentLoginItem(dir.resolve("user"), dir.resolve("system"), 501, ARGV, launchctl);
    assertFalse(item.isEnabled());
    item.setEnabled(true);
    assertTrue(item.isEnabled());
    NSDictionary d = (NSDictionary) PropertyListParser.parse(item.userPlist().toFile());
    assertEquals(Set.of("Label", "ProgramArguments", "LimitLoadToSessionType", "RunAtLoad", "KeepAlive", "ProcessType",
        "AssociatedBundleIdentifiers"), d.keySet());
    assertEquals("org.agentmon.usrtask", d.get("Label").toJavaObject());
    assertEquals(ARGV, Arrays.stream(((NSArray) d.get("ProgramArguments")).getArray())
        .map(o -> o.toJavaObject().toString()).toList());
    assertEquals("Aqua", d.get("LimitLoadToSessionType").toJavaObject());
    assertEquals(true, ((NSNumber) d.get("RunAtLoad")).boolValue());
    NSDictionary keepAlive = (NSDictionary) d.get("KeepAlive");
    assertEquals(Set.of("SuccessfulExit"), keepAlive.keySet());
    assertEquals(false, ((NSNumber) keepAlive.get("SuccessfulExit")).boolValue());
    assertEquals("Interactive", d.get("ProcessType").toJavaObject());
    pythonParses(item.userPlist());
    item.setEnabled(false);
    assertFalse(item.isEnabled());
    try (var left = Files.list(dir.resolve("user"))) {
      assertEquals(List.of(), left.toList());
    }
    assertEquals(List.of(
        List.of("launchctl", "bootstrap", "gui/501", item.userPlist().toString()),
        List.of("launchctl", "bootout", "gui/501/org.agentmon.usrtask")), ran);
  }

  @Test
  void withTheInstallersAgentItUsesLaunchdsPerUserOverrideAndWritesNoFile() throws Exception {
    Files.createDirectories(dir.resolve("system"));
    Files.writeString(dir.resolve("system/org.agentmon.usrtask.plist"), UsrTaskEntries.launchAgent(ARGV).toXMLPropertyList());
    LaunchAgentLoginItem item = new LaunchAgentLoginItem(dir.resolve("user"), dir.resolve("system"), 501, ARGV, launchctl);
    assertTrue(item.isEnabled());
    item.setEnabled(false);
    printDisabled = "disabled services = {\n\t\"org.agentmon.usrtask\" => disabled\n}\n";
    assertFalse(item.isEnabled());
    item.setEnabled(true);
    assertFalse(Files.exists(item.userPlist()), "no second job with the same label");
    assertEquals(List.of("launchctl", "disable", "gui/501/org.agentmon.usrtask"), ran.get(1));
    assertEquals(List.of("launchctl", "enable", "gui/501/org.agentmon.usrtask"), ran.get(3));
  }

  private static void pythonParses(Path plist) throws IOException, InterruptedException {
    Assumptions.assumeTrue(XdgAutostartLoginItemTest.onPath("python3"), "python3 is not installed");
    Process p = new ProcessBuilder("python3", "-c",
        "import plistlib,sys; d=plistlib.load(open(sys.argv[1],'rb')); assert d['KeepAlive']=={'SuccessfulExit': False}, d",
        plist.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
  }
}
