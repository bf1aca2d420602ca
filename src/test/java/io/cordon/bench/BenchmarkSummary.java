package io.cordon.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One line per benchmark figure for the table of the whole run ({@code bench/run.sh}, {@link BenchmarkTable}):
 * appended to {@code target/benchmarks/summary.tsv} (or {@code -Dbench.summary=<file>}).
 */
public final class BenchmarkSummary {

  private BenchmarkSummary() {
  }

  /**
   * @param key stable name of the figure (the growth table matches runs on it)
   * @param cost Cordon's cost of one operation in milliseconds (for the growth table), or NaN
   * @param met whether the goal is met; null when the run cannot say (e.g. a partial scale)
   */
  public static void add(String key, String workload, String cordon, String baseline, double ratio, String goal,
      Boolean met, double cost) {
    String line = String.join("\t", key, workload, cordon, baseline, String.format("%.2f", ratio), goal,
        met == null ? "?" : met ? "yes" : "no", String.format(java.util.Locale.ROOT, "%.4f", cost)) + "\n";
    try {
      Path file = Path.of(System.getProperty("bench.summary", "target/benchmarks/summary.tsv"));
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
