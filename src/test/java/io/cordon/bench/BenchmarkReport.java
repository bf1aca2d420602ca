package io.cordon.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A Markdown report: printed to stdout as it grows and written to {@code target/benchmarks/<name>.md} at the end. */
public final class BenchmarkReport {

  private final String name;
  private final StringBuilder text = new StringBuilder();
  private List<String[]> table;

  public BenchmarkReport(String name, String title) {
    this.name = name;
    line("# " + title);
    line("");
    line("Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on " + Runtime.getRuntime().availableProcessors()
        + " CPUs, Java " + System.getProperty("java.version") + ", heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB.");
    line("");
  }

  public BenchmarkReport line(String s) {
    System.out.println(s);
    text.append(s).append('\n');
    return this;
  }

  public BenchmarkReport table(String... header) {
    table = new ArrayList<>();
    table.add(header);
    return this;
  }

  public BenchmarkReport row(Object... cells) {
    String[] row = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      row[i] = String.valueOf(cells[i]);
    }
    table.add(row);
    return this;
  }

  /** Prints the table with aligned columns (valid Markdown). */
  public BenchmarkReport endTable() {
    int columns = table.get(0).length;
    int[] width = new int[columns];
    for (String[] row : table) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (int r = 0; r < table.size(); r++) {
      StringBuilder b = new StringBuilder("|");
      for (int i = 0; i < columns; i++) {
        b.append(' ').append(pad(table.get(r)[i], width[i])).append(" |");
      }
      line(b.toString());
      if (r == 0) {
        StringBuilder rule = new StringBuilder("|");
        for (int i = 0; i < columns; i++) {
          rule.append(' ').append("-".repeat(width[i])).append(" |");
        }
        line(rule.toString());
      }
    }
    line("");
    table = null;
    return this;
  }

  public Path write() {
    try {
      Path dir = Path.of("target", "benchmarks");
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".md");
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String ratio(double a, double b) {
    return String.format("%.2f", a / b);
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}
