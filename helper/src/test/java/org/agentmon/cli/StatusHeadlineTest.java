package org.agentmon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.agentmon.protocol.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The first line of {@code agentmon status}: each fact once (it printed "disabled (disabled)"). */
class StatusHeadlineTest {
  @ParameterizedTest
  @CsvSource({
      "running,   true,  running (enabled)",
      "disabled,  false, disabled",
      "disabled,  true,  disabled (enabled again: starting)",
      "safe-mode, true,  safe-mode (enabled)",
      "stopping,  false, stopping (disabled)",
  })
  void statesTheEnabledFlagOnlyWhereItAddsSomething(String state, boolean enabled, String expected) {
    Status s = Status.fromJson(Map.of("state", state, "enabled", enabled));
    assertEquals(expected, StatusText.headline(s));
  }
}
