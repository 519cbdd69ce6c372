package org.agentmon.installer.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plist and the unit launch the helper with exactly the JVM flags the helper's bench measures. */
class HelperLaunchFlagsTest {
  @Test
  void jvmFlagsAreTheBenchmarkedOnes() throws IOException {
    Path measured = Path.of("../helper/src/main/resources/org/agentmon/helper-jvm-flags.txt");
    List<String> flags = Files.readAllLines(measured).stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
    assertEquals(flags, HelperLaunch.JVM_FLAGS, "update HelperLaunch.JVM_FLAGS and " + measured + " together");
  }
}
