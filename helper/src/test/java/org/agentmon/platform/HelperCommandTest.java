package org.agentmon.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The helper's one command-line builder and its one list of JVM flags. */
class HelperCommandTest {
  @Test
  void theFlagsAreTheResourcesLinesInOrder() {
    List<String> flags = HelperCommand.jvmFlags();
    assertFalse(flags.isEmpty());
    assertTrue(flags.stream().allMatch(f -> f.startsWith("-") && f.equals(f.strip())), flags.toString());
    assertEquals("-XX:+UseSerialGC", flags.get(0), "the serial collector first, as the bench measured");
  }

  @Test
  void aClassPathLaunchRunsTheMainClassWithTheDaemonVerb() {
    assertEquals(List.of("/j/bin/java", "-Xmx1m", "-cp", "a.jar:b.jar", "org.agentmon.cli.Main", "daemon", "--socket",
        "/s"), HelperCommand.java("/j/bin/java").jvm(List.of("-Xmx1m")).classPath("a.jar:b.jar").daemon("--socket", "/s"));
  }

  @Test
  void aJarLaunchAndALauncherLaunch() {
    assertEquals(List.of("/j/bin/java", "-jar", "/opt/x.jar", "daemon"), HelperCommand.java("/j/bin/java").jar("/opt/x.jar")
        .daemon());
    assertEquals(List.of("/A.app/Contents/MacOS/agentmon", "daemon", "--state-dir", "/s"),
        HelperCommand.launcher("/A.app/Contents/MacOS/agentmon").daemon(List.of("--state-dir", "/s")));
    assertTrue(HelperCommand.thisJava().daemon().get(0).startsWith(System.getProperty("java.home")));
  }
}
