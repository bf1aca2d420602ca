package io.cordon.bench;

import java.util.Arrays;

/** Latencies of one operation, in nanoseconds, and their percentiles (nearest rank). */
public final class Latencies {

  private long[] nanos = new long[256];
  private int size;

  public void add(long elapsedNanos) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = elapsedNanos;
  }

  public int count() {
    return size;
  }

  /** The p-th percentile in milliseconds, 0 < p <= 100. */
  public double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
  }

  public double p50() {
    return percentileMillis(50);
  }

  public double p95() {
    return percentileMillis(95);
  }

  public double p99() {
    return percentileMillis(99);
  }

  /** "p50 / p95 / p99" in milliseconds. */
  public String summary() {
    return String.format("%.2f / %.2f / %.2f", p50(), p95(), p99());
  }
}
