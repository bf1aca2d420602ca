package io.cordon.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one table of a benchmark run ({@code bench/run.sh}): the figures of {@link BenchmarkSummary}, the machine, the
 * database, the versions, the steps' times and whether the heap sufficed; given several runs (scales), also how each
 * cost grows with the data set. Writes {@code table.md} into the last run's directory and prints it.
 */
public final class BenchmarkTable {

  private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private BenchmarkTable() {
  }

  record Figure(String key, String workload, String cordon, String baseline, String ratio, String goal, String met,
      double cost) {
  }

  public static void main(String[] args) throws IOException {
    List<Path> runs = Stream.of(args).map(Path::of).toList();
    StringBuilder out = new StringBuilder();
    Path last = runs.get(runs.size() - 1);
    table(last, out);
    if (runs.size() > 1) {
      growth(runs, out);
    }
    Path file = last.resolve(runs.size() > 1 ? "growth.md" : "table.md");
    Files.writeString(file, out);
    System.out.print(out);
    System.out.println("Written to " + file);
  }

  static void table(Path run, StringBuilder out) throws IOException {
    Properties meta = meta(run);
    long stepSeconds = meta.stringPropertyNames().stream().filter(k -> k.startsWith("step.") && k.endsWith(".seconds"))
        .mapToLong(k -> Long.parseLong(meta.getProperty(k))).sum();
    out.append(String.format("Run of %s, scale %s (%s), `bench/run.sh --scale %s`: the steps took %s in all.%n%n",
        meta.get("date"), meta.get("scale"), describeScale(meta.getProperty("scale")), meta.get("scale"),
        minutes(String.valueOf(stepSeconds))));
    out.append("| workload | Cordon | baseline, same run | ratio | goal | met |\n|---|---|---|---|---|---|\n");
    for (Figure f : figures(run).values()) {
      out.append(String.format("| %s | %s | %s | %s | %s | %s |%n", f.workload(), f.cordon(), f.baseline(), f.ratio(),
          f.goal(), switch (f.met()) {
            case "yes" -> "yes";
            case "no" -> "**no**";
            default -> "n/a at this scale";
          }));
    }
    out.append('\n');
    out.append(String.format("- **Machine:** %s CPUs (%s), %s RAM; load average %s before, %s after (1 / 5 / 15 min).%n",
        meta.get("cpus"), meta.get("cpu"), meta.get("memory"), meta.get("load.before"), meta.get("load.after")));
    out.append(String.format("- **Database:** MariaDB %s, on the same host; large data set in `%s`, empty-database "
        + "benchmarks in `%s`.%n", meta.get("database"), meta.get("db"), meta.get("scratch")));
    out.append(String.format("- **Versions:** %s; Camunda %s; Spring Boot %s.%n", meta.get("java"), meta.get("camunda"),
        meta.get("boot")));
    out.append(String.format("- **Heap:** every benchmark JVM (and both applications of the start-up benchmark) with "
        + "-Xmx%s: %s%n", meta.get("heap"), heap(run, meta)));
    out.append("- **Steps:** ");
    List<String> steps = new ArrayList<>();
    for (String step : List.of("large-data-set", "onboarding", "recertification", "startup")) {
      if (meta.getProperty("step." + step + ".seconds") != null) {
        steps.add(String.format("%s %s (%s)", step, minutes(meta.getProperty("step." + step + ".seconds")),
            meta.getProperty("step." + step + ".status")));
      }
    }
    out.append(String.join(", ", steps)).append(".\n\n");
  }

  static void growth(List<Path> runs, StringBuilder out) throws IOException {
    List<Map<String, Figure>> all = new ArrayList<>();
    List<Double> scales = new ArrayList<>();
    StringBuilder header = new StringBuilder("| cost of one operation, ms (cost relative to the run's baseline) |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Path run : runs) {
      all.add(figures(run));
      String scale = meta(run).getProperty("scale");
      scales.add(Double.parseDouble(scale));
      header.append(String.format(" %s %% |", trim(Double.parseDouble(scale) * 100)));
      rule.append("---|");
    }
    out.append("Growth: each cost at each scale of the data set; the exponent b fits cost ~ scale^b over the runs "
        + "(0: flat, 1: linear), once for the cost itself and once for the cost relative to its baseline in the same run "
        + "(which takes out the load of a shared host); b < 0.1 flat, < 0.3 logarithmic (or noise), < 0.8 between "
        + "logarithmic and linear, above linear.\n\n");
    out.append(header).append(" b | b relative | growth (relative) | should be |\n").append(rule).append("---|---|---|---|\n");
    for (String key : all.get(all.size() - 1).keySet()) {
      List<double[]> points = new ArrayList<>();
      List<double[]> relative = new ArrayList<>();
      StringBuilder row = new StringBuilder("| " + all.get(all.size() - 1).get(key).workload() + " |");
      for (int i = 0; i < all.size(); i++) {
        Figure f = all.get(i).get(key);
        double rel = f == null ? Double.NaN : relativeCost(f);
        row.append(f == null ? " |" : String.format(" %s (%.2f) |", cost(f.cost()), rel));
        if (f != null && f.cost() > 0) {
          points.add(new double[] {Math.log(scales.get(i)), Math.log(f.cost())});
        }
        if (rel > 0) {
          relative.add(new double[] {Math.log(scales.get(i)), Math.log(rel)});
        }
      }
      String expected = expected(key);
      if (key.equals("tasklist")) {
        // every scale stops at the same size (the cap): its growth is the series of sizes in tasklist.md
        out.append(row).append(" | | growth with the open tasks: tasklist.md of each run | ").append(expected).append(" |\n");
        continue;
      }
      if (points.size() < 2) {
        out.append(row).append(" | | | ").append(expected).append(" |\n");
        continue;
      }
      double b = slope(points);
      double br = relative.size() < 2 ? Double.NaN : slope(relative);
      out.append(row).append(String.format(Locale.ROOT, " %.2f | %.2f | %s (%s) | %s |%n", b, br, growth(b),
          Double.isNaN(br) ? "?" : growth(br), expected));
    }
    out.append('\n');
  }

  private static String growth(double b) {
    return b < -0.1 ? "falls" : b < 0.1 ? "flat" : b < 0.3 ? "logarithmic" : b < 0.8 ? "**faster than logarithmic**"
        : "**linear or faster**";
  }

  /** Cordon's cost over the baseline's: the ratio, or its inverse where the ratio is a throughput (baseline / Cordon). */
  private static double relativeCost(Figure f) {
    double ratio = Double.parseDouble(f.ratio());
    return f.goal().startsWith(">=") ? 1 / ratio : ratio;
  }

  private static String expected(String key) {
    if (key.startsWith("onboarding") || key.startsWith("startup")) {
      return "flat (empty database; does not read the data set)";
    }
    if (key.startsWith("lineage") || key.equals("tasklist")) {
      return "flat or logarithmic (first page through an index)";
    }
    return "flat (per event / per partner)";
  }

  private static double slope(List<double[]> points) {
    double mx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
    double my = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
    double num = 0;
    double den = 0;
    for (double[] p : points) {
      num += (p[0] - mx) * (p[1] - my);
      den += (p[0] - mx) * (p[0] - mx);
    }
    return num / den;
  }

  private static String heap(Path run, Properties meta) throws IOException {
    boolean oom = meta.stringPropertyNames().stream().anyMatch(k -> "out-of-memory".equals(meta.getProperty(k)));
    long maxAfter = 0;
    long maxBefore = 0;
    try (Stream<Path> logs = Files.list(run)) {
      for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("gc-")).toList()) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          Matcher m = GC.matcher(line);
          // collections only (young, mixed, full), not the phases of concurrent marking
          if ((line.contains("Pause Young") || line.contains("Pause Full")) && m.find()) {
            maxBefore = Math.max(maxBefore, Long.parseLong(m.group(1)));
            maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
          }
        }
      }
    }
    return (oom ? "**did not suffice** (OutOfMemoryError)" : "sufficed (no OutOfMemoryError)")
        + String.format("; benchmark JVMs: at most %,d MiB in use before a collection, at most %,d MiB after one (GC logs).",
            maxBefore, maxAfter);
  }

  private static Map<String, Figure> figures(Path run) throws IOException {
    Map<String, Figure> figures = new LinkedHashMap<>();
    Path file = run.resolve("summary.tsv");
    if (!Files.exists(file)) {
      return figures;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] c = line.split("\t");
      if (c.length == 8) {
        figures.put(c[0], new Figure(c[0], c[1], c[2], c[3], c[4], c[5], c[6], Double.parseDouble(c[7])));
      }
    }
    return figures;
  }

  private static Properties meta(Path run) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(run.resolve("meta.properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private static String describeScale(String scale) {
    double s = Double.parseDouble(scale);
    return String.format("%,d secrets, %,d partners, %,d disclosures, %,d evidence events, %,d re-certifications due",
        (int) Math.max(50, 5_000 * s), (int) Math.max(2_000, 10_000 * s), (int) Math.max(1_000, 1_000_000 * s),
        (long) (2_000_000 * s), (int) Math.max(100, 10_000 * s));
  }

  private static String minutes(String seconds) {
    if (seconds == null) {
      return "?";
    }
    long s = Long.parseLong(seconds);
    return String.format("%d min %02d s", s / 60, s % 60);
  }

  private static String cost(double ms) {
    return ms >= 100 ? String.format("%,.0f", ms) : ms >= 1 ? String.format("%.2f", ms) : String.format("%.4f", ms);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
