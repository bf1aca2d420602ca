package io.cordon.nda;

import io.cordon.CordonIntegrationTest;
import io.cordon.nda.NdaRecords.Generate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * NDA generation speed (docs/benchmarks.md): ./mvnw verify -Pbench -Dit.test=NdaGenerationBenchmark.
 * Times the first NDA in a freshly started application, then, warm, the renderer against a bare docx4j load + save of
 * the same realistic template, measured interleaved in the same run. Writes target/nda-benchmark.md.
 */
@CordonIntegrationTest
class NdaGenerationBenchmark {

  static final int WARMUP = 400;
  static final int SAMPLES = 600;

  @Autowired
  NdaService service;

  @Test
  void measure() throws Exception {
    StringBuilder report = new StringBuilder();
    // 1. First NDA after start-up: DMN selection, rendering, storage and evidence, in the context just started.
    long t0 = System.nanoTime();
    service.generate(new Generate("P-SZ-001", NdaApiIT.secrets(40, 25), NdaKind.MUTUAL, "benchmark", false,
        NdaSamples.EFFECTIVE, null, null, null, null));
    double firstMs = (System.nanoTime() - t0) / 1e6;
    t0 = System.nanoTime();
    service.generate(new Generate("P-SZ-001", NdaApiIT.secrets(40, 25), NdaKind.MUTUAL, "benchmark", false,
        NdaSamples.EFFECTIVE, null, null, null, null));
    double secondMs = (System.nanoTime() - t0) / 1e6;

    // 2. Warm renderer vs bare docx4j load + save of the same realistic template.
    var info = NdaDocumentTest.CATALOGUE.get("nda-mutual");
    byte[] templateBytes = realisticTemplate();
    CompiledTemplate template = CompiledTemplate.compile(templateBytes);
    List<NdaContent.ChosenClause> clauses = new ClauseLibrary().latest().stream().map(c -> new NdaContent.ChosenClause(c, null)).toList();
    NdaContent content = NdaSamples.content(NdaSamples.LEEDS, NdaKind.MUTUAL, clauses, NdaSamples.secrets(25));
    Runnable ours = () -> DocxRenderer.render(template, NdaDocuments.nda(info, content));
    Runnable bare = () -> {
      try {
        WordprocessingMLPackage.load(new ByteArrayInputStream(templateBytes)).save(new ByteArrayOutputStream());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    // docx4j loads parts lazily and saves an untouched part by copying its bytes; this baseline makes it parse the body.
    Runnable parsed = () -> {
      try {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(templateBytes));
        pkg.getMainDocumentPart().getContent();
        pkg.save(new ByteArrayOutputStream());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    byte[] sample = DocxRenderer.render(template, NdaDocuments.nda(info, content));
    for (int i = 0; i < WARMUP; i++) {
      ours.run();
      bare.run();
      parsed.run();
    }
    double[] oursMs = new double[SAMPLES];
    double[] bareMs = new double[SAMPLES];
    double[] parsedMs = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      oursMs[i] = time(ours);
      bareMs[i] = time(bare);
      parsedMs[i] = time(parsed);
    }
    Arrays.sort(oursMs);
    Arrays.sort(bareMs);
    Arrays.sort(parsedMs);

    // 3. Allocation per NDA on this thread.
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 200; i++) {
      ours.run();
    }
    double allocatedMb = (threads.getCurrentThreadAllocatedBytes() - before) / 200.0 / (1 << 20);

    // 4. Throughput on 2 threads for 10 s.
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicBoolean stop = new AtomicBoolean();
    List<Future<Integer>> counts = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      counts.add(pool.submit(() -> {
        int n = 0;
        while (!stop.get()) {
          ours.run();
          n++;
        }
        return n;
      }));
    }
    Thread.sleep(10_000);
    stop.set(true);
    int total = 0;
    for (Future<Integer> c : counts) {
      total += c.get();
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);

    report.append(String.format("| first NDA after start-up (DMN + render + store + evidence) | %.0f ms (second: %.0f ms) |%n", firstMs, secondMs))
        .append(String.format("| warm render, p50 / p90 / p99 | %.2f / %.2f / %.2f ms |%n", p(oursMs, 50), p(oursMs, 90), p(oursMs, 99)))
        .append(String.format("| bare docx4j load + save of the template, p50 / p90 / p99 | %.2f / %.2f / %.2f ms |%n", p(bareMs, 50), p(bareMs, 90), p(bareMs, 99)))
        .append(String.format("| docx4j load + parse body + save, p50 / p90 / p99 | %.2f / %.2f / %.2f ms |%n", p(parsedMs, 50), p(parsedMs, 90), p(parsedMs, 99)))
        .append(String.format("| ratio render / bare load + save (p50) | %.2f |%n", p(oursMs, 50) / p(bareMs, 50)))
        .append(String.format("| ratio render / load + parse + save (p50) | %.2f |%n", p(oursMs, 50) / p(parsedMs, 50)))
        .append(String.format("| throughput, 2 threads, 10 s | %.0f NDAs/s |%n", total / 10.0))
        .append(String.format("| allocated per NDA | %.1f MB |%n", allocatedMb))
        .append(String.format("| template / output size | %d / %d bytes, %d clauses' worth of text in the template + %d library clauses, 25 secrets |%n",
            templateBytes.length, sample.length, EXTRA_CLAUSES, clauses.size()))
        .append(String.format("| load average at the end | %s |%n", Files.readString(Path.of("/proc/loadavg")).strip()));
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/nda-benchmark.md"), report.toString());
  }

  static final int EXTRA_CLAUSES = 40;

  /** The shipped mutual template with 40 clauses' worth of boilerplate text a lawyer might keep in the template itself. */
  static byte[] realisticTemplate() {
    String clause = new ClauseLibrary().latest("definition-confidential-information").text().get("en").replace("\n", " ");
    StringBuilder extra = new StringBuilder();
    for (int i = 1; i <= EXTRA_CLAUSES; i++) {
      extra.append("<w:p><w:pPr><w:pStyle w:val=\"ClauseHeading\"/></w:pPr><w:r><w:t>Annex clause ").append(i).append("</w:t></w:r></w:p>")
          .append("<w:p><w:pPr><w:pStyle w:val=\"ClauseText\"/></w:pPr><w:r><w:t xml:space=\"preserve\">")
          .append(SafeXml.escape(clause)).append("</w:t></w:r></w:p>");
    }
    DocxPackage pkg = DocxPackage.read(NdaDocumentTest.CATALOGUE.shipped(NdaDocumentTest.CATALOGUE.get("nda-mutual")));
    String xml = new String(pkg.part("word/document.xml"), StandardCharsets.UTF_8);
    int at = xml.lastIndexOf("<w:sectPr");
    java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>(pkg.entries());
    entries.put("word/document.xml", (xml.substring(0, at) + extra + xml.substring(at)).getBytes(StandardCharsets.UTF_8));
    return new DocxPackage(entries).write();
  }

  static double time(Runnable r) {
    long start = System.nanoTime();
    r.run();
    return (System.nanoTime() - start) / 1e6;
  }

  static double p(double[] sorted, int percentile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }
}
