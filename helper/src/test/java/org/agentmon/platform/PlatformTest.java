package org.agentmon.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reading of {@code os.name}, and the paths each platform's helper and installer share. */
class PlatformTest {
  @Test
  void macOsAndDarwinAreMacEverythingElseIsLinux() {
    assertEquals(Platform.MACOS, Platform.fromOsName("Mac OS X"));
    assertEquals(Platform.MACOS, Platform.fromOsName("Darwin"));
    assertEquals(Platform.LINUX, Platform.fromOsName("Linux"));
    assertEquals(Platform.LINUX, Platform.fromOsName(""));
    assertEquals(Platform.fromOsName(System.getProperty("os.name")), Platform.current());
  }

  @Test
  void commandLineNamesParseAndOthersAreRefused() {
    assertEquals(Platform.MACOS, Platform.parse("macOS"));
    assertEquals(Platform.LINUX, Platform.parse("linux"));
    assertEquals("macos", Platform.MACOS.cliName());
    assertThrows(IllegalArgumentException.class, () -> Platform.parse("windows"));
  }

  @Test
  void eachPlatformHasItsSocketStateAndPreferences() {
    assertEquals("/var/run/org.agentmon.helper.sock", SystemPaths.socket(Platform.MACOS));
    assertEquals("/run/agentmon/agentmon.sock", SystemPaths.socket(Platform.LINUX));
    assertEquals("/Library/Application Support/AgentMon", SystemPaths.stateDir(Platform.MACOS));
    assertEquals("/var/lib/agentmon", SystemPaths.stateDir(Platform.LINUX));
    assertEquals(List.of("/Library/Preferences/org.agentmon.helper.plist",
        "/Library/Managed Preferences/org.agentmon.helper.plist"), SystemPaths.preferencesFiles(Platform.MACOS));
    assertEquals(List.of("/etc/agentmon/org.agentmon.helper.plist"), SystemPaths.preferencesFiles(Platform.LINUX));
    assertNull(SystemPaths.logDir(Platform.LINUX), "the journal takes the logs");
  }
}
