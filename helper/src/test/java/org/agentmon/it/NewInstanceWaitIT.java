package org.agentmon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.agentmon.client.Deadline;
import org.agentmon.client.HelperClient;
import org.agentmon.client.NewInstanceWait;
import org.agentmon.client.NewInstanceWait.Outcome;
import org.agentmon.it.fixtures.HelperProcess;
import org.agentmon.it.fixtures.LaunchdLikeSupervisor;
import org.agentmon.it.fixtures.Tools;
import org.agentmon.protocol.RunState;
import org.agentmon.protocol.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's one "await new instance" against real helpers: each way a wait can end. */
class NewInstanceWaitIT {
  @TempDir
  Path dir;

  @Test
  void aRestartEndsWithTheNewInstance() throws Exception {
    Status[] before = new Status[1];
    NewInstanceWait.Result r = underSupervisor(HelperClient::restart, before);
    assertEquals(Outcome.RESTARTED, r.outcome());
    assertNotEquals(before[0].instanceId(), r.status().instanceId());
    assertEquals(RunState.RUNNING, r.status().state());
  }

  @Test
  void aStopInsteadSaysStoppedBeforeTheDeadline() throws Exception {
    long t0 = System.nanoTime();
    NewInstanceWait.Result r = underSupervisor(HelperClient::stop, new Status[1]);
    assertEquals(Outcome.STOPPED, r.outcome());
    assertEquals(RunState.DISABLED, r.status().state());
    assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(25).toNanos(), "said so at once, not at the deadline");
  }

  /** Asks a helper under the launchd-like supervisor for something, then waits up to 30 s. */
  private NewInstanceWait.Result underSupervisor(Ask ask, Status[] before) throws Exception {
    assumeTrue(Tools.has("python3"), "python3 runs the launchd-like test supervisor");
    try (LaunchdLikeSupervisor sup = LaunchdLikeSupervisor.start(dir, 0.2, Map.of())) {
      before[0] = sup.helper.awaitAnswer(Duration.ofSeconds(20));
      try (HelperClient admin = sup.helper.client()) {
        ask.to(admin);
      }
      NewInstanceWait.Result r = new NewInstanceWait(before[0], Deadline.after(Duration.ofSeconds(30)))
          .await(sup.helper.socket, () -> { });
      assertNotEquals(null, r.status(), sup.helper.log());
      return r;
    }
  }

  /** A request to the helper. */
  private interface Ask {
    void to(HelperClient c) throws java.io.IOException;
  }

  @Test
  void theOldInstanceStillAnsweringAtTheDeadlineIsTheSameInstance() throws Exception {
    try (HelperProcess helper = new HelperProcess(dir.resolve("h")).start()) {
      Status before = helper.status();
      NewInstanceWait.Result r = new NewInstanceWait(before, Deadline.after(Duration.ofMillis(1500)))
          .await(helper.socket, () -> { });
      assertEquals(Outcome.SAME_INSTANCE, r.outcome());
      assertEquals(before.instanceId(), r.status().instanceId());
    }
  }

  @Test
  void nothingAnsweringAtTheDeadlineIsTimedOutAndSaidOnEveryAttempt() throws Exception {
    Status before;
    HelperProcess helper = new HelperProcess(dir.resolve("h")).start();
    try (helper) {
      before = helper.status();
    }
    assertTrue(HelperProcess.awaitExit(before.pid(), Duration.ofSeconds(10)), "the helper is gone");
    AtomicInteger noAnswer = new AtomicInteger();
    NewInstanceWait.Result r = new NewInstanceWait(before, Deadline.after(Duration.ofMillis(1500)))
        .await(helper.socket, noAnswer::incrementAndGet);
    assertEquals(Outcome.TIMED_OUT, r.outcome());
    assertEquals(null, r.status());
    assertTrue(noAnswer.get() >= 1, "progress was reported");
  }
}
