package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SupervisorTest {
  @Test
  void launchdSetsTheJobLabelInXpcServiceName() {
    assertEquals(Supervisor.LAUNCHD, Supervisor.detect(Map.of("XPC_SERVICE_NAME", "org.agentmon.helper"), "inherited"));
  }

  @Test
  void aTerminalOnMacOsHasXpcServiceNameZero() {
    assertEquals(Supervisor.NONE, Supervisor.detect(Map.of("XPC_SERVICE_NAME", "0"), "bound"));
  }

  /**
   * Regression: a --dev helper started from an app launched by Finder, the Dock or an IDE carries
   * that app's XPC_SERVICE_NAME; taking it for launchd made restart kickstart a job that does not
   * exist, exit 75, and nothing started the helper again.
   */
  @Test
  void anotherJobsOrAppsServiceNameIsNotLaunchdRunningUs() {
    assertEquals(Supervisor.NONE, Supervisor.detect(Map.of("XPC_SERVICE_NAME", "application.com.jetbrains.intellij.1234.5678"), "bound"));
    assertEquals(Supervisor.NONE, Supervisor.detect(Map.of("XPC_SERVICE_NAME", "application.org.agentmon.AgentMon.42"), "bound"));
    assertEquals(Supervisor.NONE, Supervisor.detect(Map.of("XPC_SERVICE_NAME", "org.agentmon.usrtask"), "bound"));
    assertEquals(Supervisor.SYSTEMD, Supervisor.detect(Map.of("XPC_SERVICE_NAME", "com.apple.Terminal", "INVOCATION_ID", "x"), "inherited"));
  }

  @Test
  void systemdByItsSocketOrItsInvocationId() {
    assertEquals(Supervisor.SYSTEMD, Supervisor.detect(Map.of(), "systemd"));
    assertEquals(Supervisor.SYSTEMD, Supervisor.detect(Map.of("INVOCATION_ID", "abc"), "inherited"));
  }

  @Test
  void nothingElseMeansNone() {
    assertEquals(Supervisor.NONE, Supervisor.detect(Map.of("PATH", "/bin"), "bound"));
  }
}
