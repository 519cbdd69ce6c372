package org.agentmon.usrtask.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * {@link ProcFigures.CpuReading} on this JVM: a thread's spin shows up in full, by the threads' own
 * clocks while it lives and by ticks once it has ended.
 */
class CpuReadingTest {
  private static final long PID = ProcessHandle.current().pid();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Test
  void aLiveThreadsSpinIsCountedInFull() throws Exception {
    double[] spun = new double[1];
    CountDownLatch go = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    CountDownLatch end = new CountDownLatch(1);
    Thread t = new Thread(() -> {
      try {
        go.await(); // alive and idle at the first reading, alive at the second
        spun[0] = spin(0.15);
        done.countDown();
        end.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    t.start();
    ProcFigures.CpuReading before = ProcFigures.CpuReading.of(PID);
    go.countDown();
    done.await();
    ProcFigures.CpuReading after = ProcFigures.CpuReading.of(PID);
    end.countDown();
    t.join();
    double used = after.secondsSince(before);
    assertTrue(used >= spun[0] - 0.001, used + " s measured, the thread spun " + spun[0] + " s");
  }

  @Test
  void aThreadThatEndedBetweenTheReadingsIsCountedByTicks() throws Exception {
    double[] spun = new double[1];
    ProcFigures.CpuReading before = ProcFigures.CpuReading.of(PID);
    Thread t = new Thread(() -> spun[0] = spin(0.3));
    t.start();
    t.join();
    double used = ProcFigures.CpuReading.of(PID).secondsSince(before);
    // tick accounting samples, so allow a few ticks either way
    assertTrue(used >= spun[0] - 0.05, used + " s measured, an ended thread spun " + spun[0] + " s");
  }

  /** Spins until this thread has used {@code seconds} of CPU; returns what it used. */
  private static double spin(double seconds) {
    long start = THREADS.getCurrentThreadCpuTime();
    long x = 0;
    while (THREADS.getCurrentThreadCpuTime() - start < seconds * 1e9) {
      x += System.nanoTime() % 7;
    }
    return (THREADS.getCurrentThreadCpuTime() - start + (x & 0)) / 1e9;
  }
}
