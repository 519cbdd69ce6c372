package org.agentmon.it;

import java.util.Arrays;

/** Nanosecond samples and their percentiles. */
public final class Latencies {
  private long[] samples = new long[1024];
  private int size;

  public Latencies() {}

  public void add(long nanos) {
    if (size == samples.length) {
      samples = Arrays.copyOf(samples, size * 2);
    }
    samples[size++] = nanos;
  }

  int size() {
    return size;
  }

  /** @return the {@code p}-th percentile (0..100) in milliseconds */
  public double percentileMillis(double p) {
    if (size == 0) {
      throw new IllegalStateException("no samples");
    }
    long[] sorted = Arrays.copyOf(samples, size);
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, i))] / 1e6;
  }
}
