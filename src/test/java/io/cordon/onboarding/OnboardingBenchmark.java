package io.cordon.onboarding;

import static io.cordon.onboarding.BenchmarkFigures.row;
import static io.cordon.onboarding.BenchmarkFigures.steps;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.bench.BenchmarkSummary;
import io.cordon.TestProfiles;
import io.cordon.onboarding.BenchmarkFigures.Phase;
import io.cordon.onboarding.BenchmarkFigures.Stats;
import io.cordon.onboarding.BenchmarkPaths.Run;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.secret.Classification;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretCategory;
import io.cordon.secret.SecretDetails;
import io.cordon.secret.SecretService;
import io.cordon.workflow.EngineSetUp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Partner onboarding end to end (docs/benchmarks.md, "Partner onboarding"), against a bare model with the same four
 * user tasks on the same engine and database, in the same run:
 * ./mvnw verify -Pbench -Pmysql-it -Dit.test=OnboardingBenchmark. The job executor is off (as in every test): each
 * driver runs its instances' asynchronous steps through ManagementService, so the figures are the engine's and
 * Cordon's work, not job-acquisition latency. Sequential (1 driver, the three models interleaved), then 8 concurrent
 * drivers per model. Writes target/onboarding-benchmark.md.
 */
@CordonIntegrationTest
class OnboardingBenchmark {

  static final int WARMUP = Integer.getInteger("bench.warmup", 10);
  static final int SEQUENTIAL = Integer.getInteger("bench.sequential", 50);
  static final int DRIVERS = Integer.getInteger("bench.drivers", 8);
  static final int PER_DRIVER = Integer.getInteger("bench.perDriver", 15);

  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  IdentityService identity;
  @Autowired
  RepositoryService repository;
  @Autowired
  HistoryService history;
  @Autowired
  AuthorizationService authorizations;
  @Autowired
  SecretService secrets;
  @Autowired
  PartnerService partners;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void onboardingAgainstBareFourTaskProcess() throws Exception {
    String secret = secret(Classification.SECRET, "oscar");
    String confidential = secret(Classification.CONFIDENTIAL, "olivia");
    deployBareModels();
    BenchmarkPaths paths = new BenchmarkPaths(runtime, tasks, management, identity);
    Supplier<Run> onboarding = () -> paths.onboarding(secret, confidential);
    // The bare models have no form contracts: their variables are set up past the form gate.
    Supplier<Run> bare = () -> EngineSetUp.run(() -> paths.bare(BenchmarkPaths.BARE));
    Supplier<Run> bareTimers = () -> EngineSetUp.run(() -> paths.bare(BenchmarkPaths.BARE_WITH_TIMERS));
    List<Run> allOnboardings = Collections.synchronizedList(new ArrayList<>());
    List<Run> allBare = Collections.synchronizedList(new ArrayList<>());

    // Warm-up and sequential: the models interleaved (order rotating), so that background load hits them alike.
    List<Run> seqOnboarding = new ArrayList<>();
    List<Run> seqBare = new ArrayList<>();
    List<Run> seqBareTimers = new ArrayList<>();
    for (int round = 0; round < WARMUP + SEQUENTIAL; round++) {
      Run[] r = new Run[3];
      for (int k = 0; k < 3; k++) {
        int which = (round + k) % 3;
        r[which] = (which == 0 ? onboarding : which == 1 ? bare : bareTimers).get();
      }
      allOnboardings.add(r[0]);
      allBare.add(r[1]);
      allBare.add(r[2]);
      if (round >= WARMUP) {
        seqOnboarding.add(r[0]);
        seqBare.add(r[1]);
        seqBareTimers.add(r[2]);
      }
    }
    String loadAfterSequential = load();

    long[] locks0 = rowLocks();
    Phase concBare = concurrently(bare, allBare);
    long[] locks1 = rowLocks();
    Phase concOnboarding = concurrently(onboarding, allOnboardings);
    long[] locks2 = rowLocks();
    String loadAfterConcurrent = load();

    StringBuilder report = new StringBuilder();
    report.append(String.format("Partner onboarding benchmark on %s, job executor off, warm-up %d, sequential %d, "
        + "concurrent %d drivers x %d%n%n", TestProfiles.onMysql() ? "MariaDB/MySQL" : "H2", WARMUP, SEQUENTIAL, DRIVERS, PER_DRIVER));
    report.append("| run | model | median ms | p95 ms | throughput /s | ratio onboarding / bare (median) |\n|---|---|---|---|---|---|\n");
    Stats sb = Stats.of(seqBare);
    Stats sbt = Stats.of(seqBareTimers);
    Stats so = Stats.of(seqOnboarding);
    report.append(row("sequential", "bare, 4 user tasks", sb, sb.throughputSequential(), null));
    report.append(row("sequential", "bare, 4 user tasks + 8 timers", sbt, sbt.throughputSequential(), null));
    report.append(row("sequential", "onboarding", so, so.throughputSequential(), so.median() / sb.median()));
    Stats cb = Stats.of(concBare.runs());
    Stats co = Stats.of(concOnboarding.runs());
    report.append(row(DRIVERS + " drivers", "bare, 4 user tasks", cb, concBare.throughput(), null));
    report.append(row(DRIVERS + " drivers", "onboarding", co, concOnboarding.throughput(), co.median() / cb.median()));
    report.append(String.format("%nratio onboarding / bare: sequential median %.2f, p95 %.2f, throughput %.2f; "
            + "%d drivers median %.2f, p95 %.2f, throughput %.2f (target <= 2.0)%n",
        so.median() / sb.median(), so.p95() / sb.p95(), sb.throughputSequential() / so.throughputSequential(),
        DRIVERS, co.median() / cb.median(), co.p95() / cb.p95(), concBare.throughput() / concOnboarding.throughput()));
    report.append(String.format("ratio onboarding / (bare + timers), sequential median: %.2f%n", so.median() / sbt.median()));
    BenchmarkSummary.add("onboarding-sequential", "onboarding per instance vs bare 4-user-task process, sequential (median)",
        String.format("%.0f ms", so.median()), String.format("%.0f ms", sb.median()), so.median() / sb.median(), "<= 2.0x",
        so.median() / sb.median() <= 2.0, so.median());
    BenchmarkSummary.add("onboarding-drivers", "onboarding per instance vs bare, " + DRIVERS + " drivers (median)",
        String.format("%.0f ms", co.median()), String.format("%.0f ms", cb.median()), co.median() / cb.median(), "<= 2.0x",
        co.median() / cb.median() <= 2.0, co.median());

    report.append("\nMedian per step, ms (sequential | ").append(DRIVERS).append(" drivers):\n\n");
    report.append(steps("onboarding", BenchmarkPaths.ONBOARDING_STEPS, seqOnboarding, concOnboarding.runs()));
    report.append(steps("bare", BenchmarkPaths.BARE_STEPS, seqBare, concBare.runs()));
    report.append(steps("bare + timers", BenchmarkPaths.BARE_STEPS, seqBareTimers, List.of()));

    report.append("\nHistory and evidence rows per instance (one sample of each):\n\n| model | ")
        .append(String.join(" | ", HISTORY_TABLES)).append(" | evidence_event |\n|---")
        .append(" |---".repeat(HISTORY_TABLES.size() + 1)).append(" |\n");
    report.append(rows("onboarding", seqOnboarding.get(0).processInstanceId()));
    report.append(rows("bare", seqBare.get(0).processInstanceId()));
    report.append(rows("bare + timers", seqBareTimers.get(0).processInstanceId()));

    // Every instance of every phase: ended where it should, no incident, partner active.
    List<String> failures = new ArrayList<>();
    List<String> onboardingIds = new ArrayList<>();
    for (Run run : allOnboardings) {
      check(run, "EndEvent_PartnerOnboarded", failures);
      if (run.processInstanceId() != null) {
        onboardingIds.add(run.processInstanceId());
      }
    }
    allBare.forEach(run -> check(run, "EndEvent_Done", failures));
    long incidents = onboardingIds.stream().mapToLong(id -> runtime.createIncidentQuery().processInstanceId(id).count()
        + history.createHistoricIncidentQuery().processInstanceId(id).count()).sum();
    long concurrentFailed = concOnboarding.runs().stream().filter(r -> r.failure() != null).count();
    report.append(String.format("%nInstances: %d onboardings, %d bare; failed: %d (%d of them in the %d-driver run); "
            + "incidents (runtime + history) on onboardings: %d; retried steps: %s%n",
        allOnboardings.size(), allBare.size(), failures.size(), concurrentFailed, DRIVERS, incidents,
        paths.retries.isEmpty() ? "none" : paths.retries.toString()));
    if (locks0 != null) {
      report.append(String.format("InnoDB row lock waits (server-wide) during the %d-driver runs: bare %d waits, %.1f s; "
              + "onboarding %d waits, %.1f s%n", DRIVERS, locks1[0] - locks0[0], (locks1[1] - locks0[1]) / 1000.0,
          locks2[0] - locks1[0], (locks2[1] - locks1[1]) / 1000.0));
    }
    report.append("Load: after sequential ").append(loadAfterSequential).append("; after concurrent ")
        .append(loadAfterConcurrent).append('\n');
    System.out.println("\n" + report);
    Files.writeString(Path.of("target", "onboarding-benchmark.md"), report);

    assertThat(failures).as("failed instances").isEmpty();
    assertThat(incidents).as("incidents on onboardings").isZero();
  }

  /** DRIVERS threads, each driving PER_DRIVER instances of its own, after one warm-up instance each. */
  private Phase concurrently(Supplier<Run> path, List<Run> all) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(DRIVERS);
    try {
      List<Future<Run>> warm = new ArrayList<>();
      for (int d = 0; d < DRIVERS; d++) {
        warm.add(pool.submit(path::get));
      }
      for (Future<Run> f : warm) {
        all.add(f.get());
      }
      long t0 = System.nanoTime();
      List<Future<List<Run>>> drivers = new ArrayList<>();
      for (int d = 0; d < DRIVERS; d++) {
        drivers.add(pool.submit(() -> {
          List<Run> mine = new ArrayList<>();
          for (int i = 0; i < PER_DRIVER; i++) {
            mine.add(path.get());
          }
          return mine;
        }));
      }
      List<Run> runs = new ArrayList<>();
      for (Future<List<Run>> f : drivers) {
        runs.addAll(f.get());
      }
      long wall = System.nanoTime() - t0;
      all.addAll(runs);
      return new Phase(runs, wall);
    } finally {
      pool.shutdown();
    }
  }

  private String rows(String model, String pi) {
    StringBuilder out = new StringBuilder("| " + model);
    for (String table : HISTORY_TABLES) {
      out.append(" | ").append(jdbc.queryForObject("select count(*) from " + table + " where ROOT_PROC_INST_ID_ = ?",
          Long.class, pi));
    }
    String partner = history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
    out.append(" | ").append(jdbc.queryForObject("select count(*) from evidence_event where process_instance = ? "
        + "or partner_code = ?", Long.class, pi, partner));
    return out.append(" |\n").toString();
  }

  static final List<String> HISTORY_TABLES = List.of("ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
      "ACT_HI_IDENTITYLINK", "ACT_HI_JOB_LOG", "ACT_HI_OP_LOG");

  private void check(Run run, String endEvent, List<String> failures) {
    if (run.failure() != null) {
      failures.add(run.processInstanceId() + ": " + run.failure());
      return;
    }
    HistoricProcessInstance hpi = history.createHistoricProcessInstanceQuery().processInstanceId(run.processInstanceId())
        .singleResult();
    boolean atEnd = history.createHistoricActivityInstanceQuery().processInstanceId(run.processInstanceId())
        .activityId(endEvent).finished().count() == 1;
    if (!HistoricProcessInstance.STATE_COMPLETED.equals(hpi.getState()) || !atEnd) {
      failures.add(run.processInstanceId() + " is " + hpi.getState() + (atEnd ? "" : ", did not end at " + endEvent));
    } else if (hpi.getProcessDefinitionKey().equals("PartnerOnboardingProcess")
        && partners.get(hpi.getBusinessKey()).status() != PartnerStatus.ACTIVE) {
      failures.add(run.processInstanceId() + ": partner " + hpi.getBusinessKey() + " not active");
    }
  }

  private String secret(Classification classification, String owner) {
    identity.setAuthentication("sam", List.of("security"));
    try {
      return secrets.register(new SecretDetails("Onboarding benchmark " + classification, "summary", SecretCategory.TECHNICAL,
          classification, owner, List.of("PLM"), List.of("Munich"), List.of("DE"), Set.of(ProtectionMeasure.ACCESS_CONTROL)))
          .code();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Deploys the baselines and lets procurement start them, as it may start the onboarding. */
  private void deployBareModels() {
    repository.createDeployment().name("onboarding-benchmark").enableDuplicateFiltering(true)
        .addModelInstance(BenchmarkPaths.BARE + ".bpmn", BenchmarkPaths.bareModel(BenchmarkPaths.BARE, false))
        .addModelInstance(BenchmarkPaths.BARE_WITH_TIMERS + ".bpmn", BenchmarkPaths.bareModel(BenchmarkPaths.BARE_WITH_TIMERS, true))
        .deploy();
    for (String key : List.of(BenchmarkPaths.BARE, BenchmarkPaths.BARE_WITH_TIMERS)) {
      if (authorizations.createAuthorizationQuery().groupIdIn("procurement").resourceType(Resources.PROCESS_DEFINITION)
          .resourceId(key).count() == 0) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("procurement");
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(key);
        grant.addPermission(Permissions.READ);
        grant.addPermission(Permissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(grant);
      }
    }
  }

  /** InnoDB's row lock waits and their total time in ms, server-wide; null on H2. */
  private long[] rowLocks() {
    if (!TestProfiles.onMysql()) {
      return null;
    }
    long[] out = new long[2];
    jdbc.query("show global status like 'Innodb_row_lock_%'", rs -> {
      switch (rs.getString(1)) {
        case "Innodb_row_lock_waits" -> out[0] = rs.getLong(2);
        case "Innodb_row_lock_time" -> out[1] = rs.getLong(2);
        default -> { }
      }
    });
    return out;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "unknown";
    }
  }
}
