package io.cordon.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * Tasklist's query, {@code GET /engine-rest/task?candidateGroup=legal}, first page, as lena (legal, HTTP Basic,
 * authorizations on), at 100 open tasks and at 50,000 (times {@code cordon.bench.scale}), on the same database in the
 * same run. The tasks are those of a bare one-task model for the group legal, started through the engine (so each task
 * has its candidate group link and the group's authorization, as every Cordon task does), and deleted at the end.
 * Run: {@code ./mvnw verify -Pbench -Pmysql-it -Dit.db.name=cordon_bench -Dit.test=TasklistQueryBenchmark}.
 */
@CordonBenchmark
class TasklistQueryBenchmark {

  private static final String KEY = "BenchTasklistProcess";
  private static final double SCALE = Double.parseDouble(System.getProperty("cordon.bench.scale", "1"));
  private static final int SMALL = 100;
  private static final int LARGE = (int) Math.max(1_000, 50_000 * SCALE);
  private static final int WARM_UP = Integer.getInteger("cordon.bench.task-warmup", 50);
  private static final int SAMPLES = Integer.getInteger("cordon.bench.task-samples", 300);
  private static final String FIRST_PAGE = "/engine-rest/task?candidateGroup=legal&firstResult=0&maxResults=15";
  private static final String TASKLIST_PAGE = FIRST_PAGE + "&sortBy=created&sortOrder=desc";

  @Autowired
  private RepositoryService repository;
  @Autowired
  private RuntimeService runtime;
  @Autowired
  private TaskService tasks;
  @Autowired
  private TestRestTemplate rest;

  @Test
  void tasklistQuery() throws Exception {
    BenchmarkReport report = new BenchmarkReport("tasklist", "Tasklist query");
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(180)
        .startEvent().userTask("Task_Review").camundaCandidateGroups("legal").endEvent().done();
    repository.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model).enableDuplicateFiltering(true).deploy();
    TestRestTemplate lena = rest.withBasicAuth("lena", "lena");

    long other = tasks.createTaskQuery().taskCandidateGroup("legal").count() - open();
    deleteAll();
    long t0 = System.nanoTime();
    startInstances(SMALL);
    long setupSmall = System.nanoTime() - t0;
    String loadSmall = StartupBenchmark.load();
    Latencies small = measure(lena, FIRST_PAGE);
    Latencies smallSorted = measure(lena, TASKLIST_PAGE);
    long t1 = System.nanoTime();
    startInstances(LARGE - SMALL);
    long setupLarge = System.nanoTime() - t1;
    assertThat(open()).isEqualTo(LARGE);
    String loadLarge = StartupBenchmark.load();
    Latencies large = measure(lena, FIRST_PAGE);
    Latencies largeSorted = measure(lena, TASKLIST_PAGE);
    long t2 = System.nanoTime();
    deleteAll();
    long cleanup = System.nanoTime() - t2;

    report.line(String.format("First page (15) of `%s` as lena; %d warm-up requests, then %d samples; ms p50 / p95 / p99. "
        + "Other open tasks of the group legal in the database: %,d. Set-up: %,d instances %.1f s, %,d more %.1f s; "
        + "deleted again in %.1f s. Load average %s at 100 tasks, %s at %,d.", FIRST_PAGE, WARM_UP, SAMPLES, other, SMALL,
        setupSmall / 1e9, LARGE - SMALL, setupLarge / 1e9, cleanup / 1e9, loadSmall, loadLarge, LARGE));
    report.line("");
    report.table("query", String.format("%,d open tasks", LARGE), "100 open tasks", "ratio p50", "ratio p95");
    report.row("`candidateGroup=legal`", large.summary(), small.summary(), BenchmarkReport.ratio(large.p50(), small.p50()),
        BenchmarkReport.ratio(large.p95(), small.p95()));
    report.row("as Tasklist sorts it (`sortBy=created&sortOrder=desc`)", largeSorted.summary(), smallSorted.summary(),
        BenchmarkReport.ratio(largeSorted.p50(), smallSorted.p50()), BenchmarkReport.ratio(largeSorted.p95(), smallSorted.p95()));
    report.endTable();
    double ratio = large.p95() / small.p95();
    boolean ratioMet = ratio <= 2;
    Boolean met = LARGE >= 50_000 ? Boolean.valueOf(ratioMet && large.p95() <= 100) : ratioMet ? null : Boolean.FALSE;
    BenchmarkSummary.add("tasklist", String.format("Tasklist query `candidateGroup=legal`, first page, p95, %,d open tasks vs "
        + "100", LARGE), String.format("%.1f ms", large.p95()), String.format("%.1f ms", small.p95()), ratio,
        "p95 <= 100 ms, <= 2x", met, large.p95());
    report.line("Written to " + report.write());
  }

  private Latencies measure(TestRestTemplate client, String path) {
    for (int i = 0; i < WARM_UP; i++) {
      get(client, path);
    }
    Latencies latencies = new Latencies();
    for (int i = 0; i < SAMPLES; i++) {
      long t0 = System.nanoTime();
      get(client, path);
      latencies.add(System.nanoTime() - t0);
    }
    return latencies;
  }

  private static void get(TestRestTemplate client, String path) {
    var response = client.getForEntity(path, String.class);
    if (response.getStatusCode() != HttpStatus.OK || response.getBody() == null || !response.getBody().contains("\"id\"")) {
      throw new IllegalStateException(path + " answered " + response.getStatusCode() + ": " + response.getBody());
    }
  }

  private long open() {
    return tasks.createTaskQuery().processDefinitionKey(KEY).count();
  }

  private void startInstances(int n) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      running.add(pool.submit(() -> {
        while (next.getAndIncrement() < n) {
          runtime.startProcessInstanceByKey(KEY);
        }
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
  }

  private void deleteAll() {
    while (true) {
      List<String> ids = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).listPage(0, 1_000).stream()
          .map(p -> p.getId()).toList();
      if (ids.isEmpty()) {
        return;
      }
      runtime.deleteProcessInstances(ids, "benchmark done", true, true);
    }
  }
}
