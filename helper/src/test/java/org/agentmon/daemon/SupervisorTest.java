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
