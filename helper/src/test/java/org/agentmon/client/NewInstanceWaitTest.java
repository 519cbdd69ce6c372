package org.agentmon.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import org.agentmon.client.NewInstanceWait.Outcome;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;

/** The rule of {@link NewInstanceWait} as a table: which status ends a wait, and how. */
class NewInstanceWaitTest {
  private static final Status OLD_RUNNING = status("old", "running");

  @Test
  void theOldInstanceGoingAwayIsNotTheEnd() {
    NewInstanceWait w = wait(OLD_RUNNING);
    assertNull(w.seen(OLD_RUNNING));
    assertNull(w.seen(status("old", "stopping")));
    assertNull(w.seen(status("new", "stopping")), "a new instance that is itself stopping is not the one");
  }

  @Test
  void aNewInstanceRunningOrInSafeModeIsARestart() {
    assertEquals(Outcome.RESTARTED, wait(OLD_RUNNING).seen(status("new", "running")).outcome());
    assertEquals(Outcome.RESTARTED, wait(OLD_RUNNING).seen(status("new", "safe-mode")).outcome());
    assertEquals(Outcome.RESTARTED, wait(status("old", "disabled")).seen(status("new", "disabled")).outcome(),
        "a disabled helper restarts disabled");
  }

  @Test
  void disabledWhenItWasNotIsAStop() {
    assertEquals(Outcome.STOPPED, wait(OLD_RUNNING).seen(status("new", "disabled")).outcome());
    assertEquals(Outcome.STOPPED, wait(OLD_RUNNING).seen(status("old", "disabled")).outcome());
  }

  @Test
  void atTheDeadlineItSaysWhoAnsweredLast() {
    NewInstanceWait w = wait(OLD_RUNNING);
    assertEquals(Outcome.TIMED_OUT, w.timedOut().outcome(), "nothing seen");
    w.seen(OLD_RUNNING);
    assertEquals(Outcome.SAME_INSTANCE, w.timedOut().outcome());
    w.nothingAnswered();
    assertEquals(Outcome.TIMED_OUT, w.timedOut().outcome());
  }

  private static NewInstanceWait wait(Status before) {
    return new NewInstanceWait(before, Deadline.after(Duration.ofSeconds(30)));
  }

  private static Status status(String instance, String state) {
    return Status.fromJson(Map.of("instanceId", instance, "state", state, "enabled", !"disabled".equals(state)));
  }
}
