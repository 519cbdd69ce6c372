package org.agentmon.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Telling the listening socket from another socket on stderr (systemd's journal stream). */
class FdsTest {
  @Test
  void aDescriptorIsTheSameFileAsItselfAndNotAsAClosedOne() {
    assertTrue(Fds.sameFile(2, 2));
    assertFalse(Fds.sameFile(2, 4095), "fd 4095 is not open");
  }
}
