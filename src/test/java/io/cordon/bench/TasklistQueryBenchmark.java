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
 * authorizations on), at 100 open tasks and at growing numbers up to 50,000 (times {@code cordon.bench.scale}), on the
 * same database in the same run; sizes whose p95 passes a cap are not measured (the query's cost may grow faster than
 * the tasks). The tasks are those of a bare one-task model for the group legal, started through the engine (so each
 * task has its candidate group link and the group's authorization, as every Cordon task does), deleted at the end.
 * Run: {@code ./mvnw verify -Pbench -Pmysql-it -Dit.db.name=cordon_bench -Dit.test=TasklistQueryBenchmark}.
 */
@CordonBenchmark
class TasklistQueryBenchmark {

  private static final String KEY = "BenchTasklistProcess";
  private static final double SCALE = Double.parseDouble(System.getProperty("cordon.bench.scale", "1"));
  private static final int SMALL = 100;
  private static final int LARGE = (int) Math.max(1_000, 50_000 * SCALE);
  private static final int WARM_UP = Integer.getInteger("cordon.bench.task-warmup", 50);
  private static final int WARM_UP_SECONDS = Integer.getInteger("cordon.bench.task-warmup-seconds", 10);
  private static final int SAMPLES = Integer.getInteger("cordon.bench.task-samples", 300);
  private static final int SAMPLE_SECONDS = Integer.getInteger("cordon.bench.task-sample-seconds", 30);
  private static final int MIN_SAMPLES = 5;
  private static final int CAP_MS = Integer.getInteger("cordon.bench.task-cap-ms", 5_000);
  private static final String FIRST_PAGE = "/engine-rest/task?candidateGroup=legal&firstResult=0&maxResults=15";

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
    report.line(String.format("First page (15) of `%s` as lena, at growing numbers of open tasks of the group legal "
        + "(besides %,d others); per size up to %d warm-up requests (%d s) and %d samples (%d s), at least %d; ms p50 / "
        + "p95 / p99. Sizes beyond a p95 of %,d ms are not measured.", FIRST_PAGE, other, WARM_UP, WARM_UP_SECONDS,
        SAMPLES, SAMPLE_SECONDS, MIN_SAMPLES, CAP_MS));
    report.line("");
    report.table("open tasks", "set-up s", "n", "ms p50 / p95 / p99", "ratio p95 to 100 tasks", "load average");
    Latencies small = null;
    Latencies last = null;
    int reached = 0;
    int current = 0;
    List<Integer> sizes = new ArrayList<>(List.of(SMALL, 1_000, 5_000, 15_000, 50_000).stream().filter(n -> n < LARGE).toList());
    sizes.add(LARGE);
    for (int size : sizes) {
      long t0 = System.nanoTime();
      startInstances(size - current);
      current = size;
      assertThat(open()).isEqualTo(size);
      double setup = (System.nanoTime() - t0) / 1e9;
      Latencies latencies = measure(lena, FIRST_PAGE);
      if (small == null) {
        small = latencies;
      }
      last = latencies;
      reached = size;
      report.row(String.format("%,d", size), String.format("%.1f", setup), latencies.count(), latencies.summary(),
          BenchmarkReport.ratio(latencies.p95(), small.p95()), StartupBenchmark.load());
      if (latencies.p95() > CAP_MS) {
        break;
      }
    }
    report.endTable();
    long t2 = System.nanoTime();
    deleteAll();
    report.line(String.format("The %,d instances deleted again in %.1f s.", current, (System.nanoTime() - t2) / 1e9));
    double ratio = last.p95() / small.p95();
    boolean ratioMet = ratio <= 2;
    Boolean met = reached < LARGE || LARGE >= 50_000 ? Boolean.valueOf(reached == LARGE && ratioMet && last.p95() <= 100)
        : ratioMet ? null : Boolean.FALSE;
    BenchmarkSummary.add("tasklist", String.format("Tasklist query `candidateGroup=legal`, first page, p95, %,d open tasks "
        + "vs 100%s", reached, reached < LARGE ? String.format(" (stopped there: %,d not measured)", LARGE) : ""),
        String.format("%,.1f ms", last.p95()), String.format("%.1f ms", small.p95()), ratio, "p95 <= 100 ms, <= 2x",
        met, last.p95());
    report.line("Written to " + report.write());
  }

  private Latencies measure(TestRestTemplate client, String path) {
    long warmUntil = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
    for (int i = 0; i < WARM_UP && (i == 0 || System.nanoTime() < warmUntil); i++) {
      get(client, path);
    }
    Latencies latencies = new Latencies();
    long until = System.nanoTime() + SAMPLE_SECONDS * 1_000_000_000L;
    for (int i = 0; i < SAMPLES && (i < MIN_SAMPLES || System.nanoTime() < until); i++) {
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
