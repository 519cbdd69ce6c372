package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Duration;
import org.agentmon.client.HelperClient;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client asking a real helper for its status again and again: an answer the same as the last is
 * not read again (the same status comes back), and every change the helper makes is seen at once.
 */
class RepeatedStatusIT {
  @TempDir
  Path dir;

  @Test
  void theSameStatusComesBackUntilTheHelperChangesIt() throws Exception {
    try (HelperProcess h = new HelperProcess(dir).start(); HelperClient c = h.client()) {
      Status first = c.status();
      assertSame(first, c.status(), "an unchanged answer is not read again");
      Status more;
      try (HelperClient other = h.client()) {
        more = c.status(); // the helper counted the other client before answering its hello
        assertEquals(first.clients() + 1, more.clients());
        assertNotSame(first, more);
        assertSame(more, c.status());
      }
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      Status after = c.status();
      while (after.clients() != first.clients() && System.nanoTime() < end) {
        after = c.status(); // the helper sees the other client leave when it reads its end
      }
      assertEquals(first.clients(), after.clients(), "the other client's leaving is seen");
      assertEquals(first.instanceId(), after.instanceId());
    }
  }
}
