package io.cordon.onboarding;

import io.cordon.onboarding.BenchmarkPaths.Run;
import java.util.List;

/** Figures of the onboarding benchmark: medians, percentiles, throughput, and their Markdown rows. */
final class BenchmarkFigures {

  private BenchmarkFigures() {
  }

  record Phase(List<Run> runs, long wallNanos) {
    double throughput() {
      return runs.size() / (wallNanos / 1e9);
    }
  }

  record Stats(double median, double p95, double meanMs) {
    static Stats of(List<Run> runs) {
      double[] ms = runs.stream().filter(r -> r.failure() == null).mapToDouble(r -> r.totalNanos() / 1e6).sorted().toArray();
      return new Stats(percentile(ms, 50), percentile(ms, 95), java.util.Arrays.stream(ms).average().orElse(Double.NaN));
    }

    double throughputSequential() {
      return 1000 / meanMs;
    }
  }

  static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  static String row(String run, String model, Stats s, double throughput, Double ratio) {
    return String.format("| %s | %s | %.1f | %.1f | %.1f | %s |%n", run, model, s.median, s.p95, throughput,
        ratio == null ? "" : String.format("**%.2f**", ratio));
  }

  static String steps(String model, List<String> names, List<Run> sequential, List<Run> concurrent) {
    StringBuilder out = new StringBuilder("| " + model + " step | sequential | concurrent |\n|---|---|---|\n");
    for (int i = 0; i < names.size(); i++) {
      out.append(String.format("| %s | %.1f | %s |%n", names.get(i), stepMedian(sequential, i),
          concurrent.isEmpty() ? "" : String.format("%.1f", stepMedian(concurrent, i))));
    }
    return out.append('\n').toString();
  }

  static double stepMedian(List<Run> runs, int step) {
    double[] ms = runs.stream().filter(r -> r.failure() == null).mapToDouble(r -> r.stepNanos()[step] / 1e6).sorted().toArray();
    return percentile(ms, 50);
  }
}
