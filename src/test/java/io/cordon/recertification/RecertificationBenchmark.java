package io.cordon.recertification;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.CordonIntegrationTest;
import io.cordon.TestProfiles;
import io.cordon.bench.BenchmarkReport;
import io.cordon.bench.BenchmarkSummary;
import io.cordon.notification.Inbox;
import io.cordon.notification.OutboxSender;
import io.cordon.notification.SweepResult;
import io.cordon.onboarding.PartnerOnboarded;
import io.cordon.partner.RiskTier;
import io.cordon.platform.CodeSequences;
import io.cordon.secret.Classification;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * N partners due for re-certification on the same day (docs/benchmarks.md, "Re-certification requests"):
 * ./mvnw verify -Pbench -Pmysql-it -Dit.db.name=... -Dit.test=RecertificationBenchmark [-Dbench.partners=1000].
 * The job executor runs with the application's settings (camunda.bpm.job-execution.*), started by the benchmark
 * when the clock has moved past the due time; the outbox is swept by {@code bench.senders} threads. Baseline in the
 * same run: as many instances of a bare model (timer, then a user task) due at one time, on the same job executor.
 * Writes target/benchmarks/recertification.md.
 */
@CordonIntegrationTest
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=true", "cordon.evidence.verify-initial-delay=P1D"})
class RecertificationBenchmark {

  static final int PARTNERS = Integer.getInteger("bench.partners", 10_000);
  static final int SENDERS = Integer.getInteger("bench.senders", 4);
  static final int SETUP_THREADS = Integer.getInteger("bench.setupThreads", 4);
  static final long TIMEOUT_MS = Long.getLong("bench.timeoutSeconds", 900) * 1000;
  static final int REAL_STARTS = Integer.getInteger("bench.realStarts", 200);
  static final String BARE = "BareTimerBenchmark";

  @Autowired
  ProcessEngineConfigurationImpl engineConfiguration;
  @Autowired
  RuntimeService runtime;
  @Autowired
  TaskService tasks;
  @Autowired
  ManagementService management;
  @Autowired
  RepositoryService repository;
  @Autowired
  RecertificationFixture fixture;
  @Autowired
  OutboxSender sender;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  CodeSequences codes;
  @Autowired
  ApplicationEventPublisher events;

  @Test
  void requestsForPartnersDueOnTheSameDay() throws Exception {
    JobExecutor executor = engineConfiguration.getJobExecutor();
    executor.shutdown(); // started with the context; the benchmark starts it when the timers are due
    BenchmarkReport report = new BenchmarkReport("recertification", "Re-certification requests");
    report.line(String.format("%,d partners on %s; job executor: corePoolSize/maxPoolSize/queue from "
            + "camunda.bpm.job-execution (%s), maxJobsPerAcquisition %d, waitTimeInMillis %d, lockTimeInMillis %d; "
            + "%d sender threads; load at start %s", PARTNERS, TestProfiles.onMysql() ? "MariaDB/MySQL" : "H2",
        executor.getClass().getSimpleName(), executor.getMaxJobsPerAcquisition(), executor.getWaitTimeInMillis(),
        executor.getLockTimeInMillis(), SENDERS, load())).line("");
    try {
      run(executor, report);
    } finally {
      executor.shutdown();
      ClockUtil.reset();
      report.write();
    }
  }

  private void run(JobExecutor executor, BenchmarkReport report) throws Exception {
    sender.sweep();
    long outboxMark = max("select coalesce(max(id), 0) from mail_outbox");
    long periodMark = max("select coalesce(max(id), 0) from recertification");
    long evidenceMark = max("select coalesce(max(seq), 0) from evidence_event");

    // ---- setup: one partner through the services, N - 1 copies, N processes started by PartnerOnboarded ----
    long s0 = System.nanoTime();
    var template = fixture.activePartner(RiskTier.MEDIUM, 3, List.of("Jo Partner"), Classification.SECRET);
    Period templatePeriod = periods(periodMark).get(0);
    Instant requestAt = templatePeriod.requestAt();
    List<String> copies = new RecertificationBenchData(jdbc, tx, codes).copies(template.code(), template.ndaReference(),
        PARTNERS - 1, 500);
    long s1 = System.nanoTime();
    // Through the real path (PartnerOnboarded: LoadProfile, interval DMN, SchedulePeriod, WatchNda) for the first
    // copies; the rest are started in the state that path leaves, checked against it below.
    var next = templatePeriod.dueAt().atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDate();
    List<String> real = copies.subList(0, Math.min(REAL_STARTS, copies.size()));
    List<String> fast = copies.subList(real.size(), copies.size());
    parallel(real, code -> tx.executeWithoutResult(s -> events.publishEvent(new PartnerOnboarded(code,
        RiskTier.MEDIUM.name(), null, next, template.secretCodes()))));
    long s1b = System.nanoTime();
    RecertificationBenchData data = new RecertificationBenchData(jdbc, tx, codes);
    Map<String, Long> periodIds = data.periods(templatePeriod.id(), fast);
    Map<String, String> ndaRefs = data.ndaReferences();
    Map<String, Object> templateVars = runtime.getVariables(template.process().getId());
    Map<Long, String> started = new java.util.concurrent.ConcurrentHashMap<>();
    parallel(fast, code -> {
      Map<String, Object> vars = new HashMap<>(templateVars);
      vars.put(RecertificationVariables.PARTNER_CODE.name(), code);
      vars.put(RecertificationVariables.RECERTIFICATION_ID.name(), periodIds.get(code));
      vars.put(RecertificationVariables.NDA_REFERENCE.name(), ndaRefs.get(code));
      started.put(periodIds.get(code), io.cordon.workflow.EngineSetUp.run(() -> runtime.createProcessInstanceByKey(
          RecertificationVariables.PROCESS_KEY).businessKey(code).setVariables(vars).startBeforeActivity("TimerEvent_WindowOpens")
          .startBeforeActivity("TimerEvent_RenewalDue").execute().getId()));
    });
    data.linkProcesses(started);
    if (!fast.isEmpty()) {
      sameState(template.process().getId(), started.get(periodIds.get(fast.get(0))), ndaRefs.get(fast.get(0)));
      sameState(template.process().getId(), runtime.createProcessInstanceQuery().processInstanceBusinessKey(real.isEmpty()
          ? template.code() : real.get(0)).singleResult().getId(), real.isEmpty() ? template.ndaReference() : ndaRefs.get(real.get(0)));
    }
    long s2 = System.nanoTime();
    Instant bareAt = requestAt.minusSeconds(3600);
    deployBare();
    List<String> bareIds = new ArrayList<>();
    parallel(java.util.stream.IntStream.range(0, PARTNERS).mapToObj(String::valueOf).toList(), i -> {
      // the bare model has no start form: its timer's date is set past the form gate
      String id = io.cordon.workflow.EngineSetUp.run(() -> runtime.startProcessInstanceByKey(BARE, "bare-" + i,
          Map.of("dueAt", Date.from(bareAt))).getId());
      synchronized (bareIds) {
        bareIds.add(id);
      }
    });
    long s3 = System.nanoTime();

    // ---- verify the set-up state before timing ----
    List<Period> periods = periods(periodMark);
    assertThat(periods).hasSize(PARTNERS).allSatisfy(p -> {
      assertThat(p.status()).isEqualTo(RecertificationStatus.SCHEDULED);
      assertThat(p.requestAt()).isEqualTo(requestAt);
    });
    long waiting = count("select count(*) from ACT_RU_JOB j join recertification r on r.process_instance = j.PROCESS_INSTANCE_ID_ "
        + "where r.id > ? and j.HANDLER_CFG_ like 'TimerEvent_WindowOpens%' and j.DUEDATE_ = ?", periodMark, Timestamp.from(requestAt));
    assertThat(waiting).as("window timers waiting, all due at " + requestAt).isEqualTo(PARTNERS);
    assertThat(management.createJobQuery().processDefinitionKey(BARE).timers().count()).isEqualTo(PARTNERS);
    assertThat(management.createJobQuery().executable().count()).as("nothing due before the clock moves").isZero();
    long recipients = 1 + count("select count(*) from ACT_ID_MEMBERSHIP m join ACT_ID_USER u on u.ID_ = m.USER_ID_ "
        + "where m.GROUP_ID_ = 'procurement' and u.EMAIL_ is not null");
    long expectedMails = recipients * PARTNERS;
    report.line(String.format("Setup %.1f s: template partner through the services and %,d copies %.1f s; %,d "
            + "processes started through PartnerOnboarded %.1f s (%.0f ms each), %,d started in the state it leaves %.1f s; "
            + "%,d bare instances %.1f s. Verified: %,d periods SCHEDULED, %,d window timers due at %s, %,d bare timers; "
            + "%d recipients per request.", secs(s3 - s0), PARTNERS - 1, secs(s1 - s0), real.size() + 1, secs(s1b - s1),
        real.isEmpty() ? 0 : (s1b - s1) / 1e6 / real.size(), fast.size(), secs(s2 - s1b), PARTNERS, secs(s3 - s2),
        periods.size(), waiting, requestAt, PARTNERS, recipients));
    report.line("");

    // ---- baseline: bare timers ----
    long bareTasksBefore = tasks.createTaskQuery().processDefinitionKey(BARE).count();
    Phase bare = timed(executor, bareAt.plusSeconds(1), false, 0, () -> tasks.createTaskQuery().processDefinitionKey(BARE).count() - bareTasksBefore,
        null, null, null);
    long bareJobs = management.createJobQuery().processDefinitionKey(BARE).count();
    assertThat(bareJobs).as("bare timers left").isZero();

    // ---- re-certification ----
    Inbox.clear();
    long[] locks0 = rowLocks();
    String loadBefore = load();
    Phase recert = timed(executor, requestAt.plusSeconds(1), true, expectedMails,
        () -> count("select count(*) from ACT_RU_TASK t join recertification r on r.process_instance = t.PROC_INST_ID_ "
            + "where r.id > ? and t.TASK_DEF_KEY_ = 'Task_Attest'", periodMark),
        () -> count("select count(*) from mail_outbox where id > ? and activity = 'Task_RequestAttestation'", outboxMark),
        () -> count("select count(*) from mail_outbox where id > ? and activity = 'Task_RequestAttestation' and status = 'SENT'", outboxMark),
        () -> count("select count(*) from recertification where id > ? and status = 'REQUESTED'", periodMark));
    long[] locks1 = rowLocks();

    // ---- results ----
    report.table("phase", "all timers fired, waiting at the user task", "throughput", "ratio to bare timers");
    report.row("bare timers (timer → user task)", ms(bare.done), rate(PARTNERS, bare.done) + " timers/s", "1.00");
    report.row("re-certification: all periods REQUESTED", ms(recert.requested), rate(PARTNERS, recert.requested)
        + " timers/s", BenchmarkReport.ratio(recert.requested, bare.done));
    report.row("re-certification: all at Task_Attest", ms(recert.done), rate(PARTNERS, recert.done) + " timers/s",
        BenchmarkReport.ratio(recert.done, bare.done));
    report.row("re-certification: every request mail queued", ms(recert.queued), rate(expectedMails, recert.queued)
        + " mails/s", "");
    report.row("re-certification: every request mail SENT (the target)", ms(recert.all()),
        rate(expectedMails, recert.all()) + " mails/s", BenchmarkReport.ratio(recert.all(), bare.done));
    report.endTable();
    report.line(PARTNERS == 10_000
        ? String.format("Target: every request sent and recorded within 120 s: %s (%.1f s).",
            recert.all() <= 120_000 ? "met" : "NOT met", recert.all() / 1000.0)
        : String.format("The target (120 s) is for 10,000 partners; this run had %,d (%.1f s).", PARTNERS,
            recert.all() / 1000.0));
    double ratioToBare = recert.all() / (double) bare.done;
    BenchmarkSummary.add("recertification", String.format("re-certification: %,d partners due the same day, all requests "
            + "queued and sent, vs bare timers", PARTNERS), ms(recert.all()), ms(bare.done), ratioToBare,
        "<= 120 s at 10,000, <= 2x bare", PARTNERS == 10_000 ? Boolean.valueOf(recert.all() <= 120_000 && ratioToBare <= 2)
            : ratioToBare <= 2 ? null : Boolean.FALSE, recert.all() / (double) PARTNERS);
    report.line(String.format("First request mail SENT after %s; sender threads sent %,d in %,d sweeps.",
        ms(recert.firstSent), recert.sweptMails, recert.sweeps));
    if (locks0 != null) {
        report.line(String.format("InnoDB row lock waits during the re-certification phase: %,d, %.1f s in all.",
            locks1[0] - locks0[0], (locks1[1] - locks0[1]) / 1000.0));
    }
    report.line("Load: before the re-certification phase " + loadBefore + ", at the end " + load());
    report.line("");

    // ---- correctness ----
    List<String> failures = new ArrayList<>();
    check(failures, "outbox rows for the requests", count("select count(*) from mail_outbox where id > ? and activity = "
        + "'Task_RequestAttestation'", outboxMark), expectedMails);
    check(failures, "(mail_key, recipient) pairs queued more than once", count("select count(*) from (select mail_key, "
        + "recipient from mail_outbox where id > ? group by mail_key, recipient having count(*) > 1) x", outboxMark), 0);
    check(failures, "request mails not SENT", count("select count(*) from mail_outbox where id > ? and activity = "
        + "'Task_RequestAttestation' and status <> 'SENT'", outboxMark), 0);
    check(failures, "partners without exactly one request to the partner and one to procurement", count("select count(*) "
        + "from recertification r left join (select process_instance, count(*) c from mail_outbox where id > ? and "
        + "activity = 'Task_RequestAttestation' group by process_instance) o on o.process_instance = r.process_instance "
        + "where r.id > ? and coalesce(o.c, 0) <> ?", outboxMark, periodMark, recipients), 0);
    MimeMessage[] received = Inbox.server().getReceivedMessages();
    java.util.Set<String> messageIds = new java.util.HashSet<>();
    for (MimeMessage m : received) {
      messageIds.add(m.getMessageID());
    }
    check(failures, "messages received by the SMTP server", received.length, expectedMails);
    check(failures, "distinct Message-IDs received", messageIds.size(), expectedMails);
    check(failures, "periods REQUESTED", count("select count(*) from recertification where id > ? and status = 'REQUESTED' "
        + "and requested_at is not null", periodMark), PARTNERS);
    check(failures, "partners without exactly one RECERTIFICATION_REQUESTED event", count("select count(*) from "
        + "recertification r left join (select partner_code, count(*) c from evidence_event where seq > ? and type = "
        + "'RECERTIFICATION_REQUESTED' group by partner_code) e on e.partner_code = r.partner_code where r.id > ? and "
        + "coalesce(e.c, 0) <> 1", evidenceMark, periodMark), 0);
    check(failures, "incidents", runtime.createIncidentQuery().count(), 0);
    check(failures, "jobs with an exception", management.createJobQuery().withException().count(), 0);
    check(failures, "failed job executions (job log)", count("select count(*) from ACT_HI_JOB_LOG where JOB_EXCEPTION_MSG_ "
        + "is not null and PROCESS_DEF_KEY_ in ('RecertificationProcess', '" + BARE + "')"), 0);
    check(failures, "window timers left", count("select count(*) from ACT_RU_JOB j join recertification r on "
        + "r.process_instance = j.PROCESS_INSTANCE_ID_ where r.id > ? and j.HANDLER_CFG_ like 'TimerEvent_WindowOpens%'",
        periodMark), 0);
    report.line("Checks: " + (failures.isEmpty() ? "all passed (one request per recipient and partner, "
        + expectedMails + " messages with distinct Message-IDs, every period REQUESTED once, no incident, no failed job)"
        : String.join("; ", failures)));
    report.write();
    assertThat(failures).isEmpty();
  }

  record Phase(long done, long queued, long sent, long requested, long firstSent, long sweeps, long sweptMails) {
    long all() {
      return Math.max(Math.max(done, queued), Math.max(sent, requested));
    }
  }

  /**
   * Moves the clock to {@code at}, starts the job executor (and the senders), and polls until every count reaches
   * its target; returns when each got there, in ms from the start.
   */
  private Phase timed(JobExecutor executor, Instant at, boolean send, long mails, LongSupplier done, LongSupplier queued,
      LongSupplier sent, LongSupplier requested) throws Exception {
    ClockUtil.offset(at.toEpochMilli() - System.currentTimeMillis());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger sweeps = new AtomicInteger();
    AtomicInteger swept = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(Math.max(1, SENDERS));
    long t0 = System.nanoTime();
    executor.start();
    List<Future<?>> running = new ArrayList<>();
    if (send) {
      for (int i = 0; i < SENDERS; i++) {
        running.add(senders.submit(() -> {
          while (!stop.get()) {
            SweepResult r = sender.sweep();
            sweeps.incrementAndGet();
            swept.addAndGet(r.sent());
            if (r.claimed() == 0) {
              Thread.sleep(100);
            }
          }
          return null;
        }));
      }
    }
    long[] at0 = {-1, -1, -1, -1, -1};
    long lastProgress = 0;
    try {
      while (true) {
        long elapsed = (System.nanoTime() - t0) / 1_000_000;
        if (elapsed - lastProgress >= 10_000) {
          lastProgress = elapsed;
          System.out.printf("%6.1f s: at the user task %d%s%n", elapsed / 1000.0, done.getAsLong(), send ? String.format(
              ", mails queued %d, sent %d, periods requested %d", queued.getAsLong(), sent.getAsLong(),
              requested.getAsLong()) : "");
        }
        if (at0[0] < 0 && done.getAsLong() >= PARTNERS) {
          at0[0] = elapsed;
        }
        if (send) {
          if (at0[1] < 0 && queued.getAsLong() >= mails) {
            at0[1] = elapsed;
          }
          long s = sent.getAsLong();
          if (at0[4] < 0 && s > 0) {
            at0[4] = elapsed;
          }
          if (at0[2] < 0 && s >= mails) {
            at0[2] = elapsed;
          }
          if (at0[3] < 0 && requested.getAsLong() >= PARTNERS) {
            at0[3] = elapsed;
          }
        }
        if (at0[0] >= 0 && (!send || (at0[1] >= 0 && at0[2] >= 0 && at0[3] >= 0))) {
          break;
        }
        if (elapsed > TIMEOUT_MS) {
          throw new AssertionError("not done after " + elapsed + " ms: " + java.util.Arrays.toString(at0));
        }
        Thread.sleep(500);
      }
    } finally {
      stop.set(true);
      executor.shutdown();
      for (Future<?> f : running) {
        f.get();
      }
      senders.shutdown();
    }
    return new Phase(at0[0], at0[1], at0[2], at0[3], at0[4], sweeps.get(), swept.get());
  }

  /** A copy's instance is where the template's is: same activities, variables (but its own), timers, subscriptions. */
  private void sameState(String templatePi, String copyPi, String copyNda) {
    assertThat(sorted(runtime.getActiveActivityIds(copyPi))).isEqualTo(sorted(runtime.getActiveActivityIds(templatePi)));
    Map<String, Object> expected = new HashMap<>(runtime.getVariables(templatePi));
    Map<String, Object> actual = new HashMap<>(runtime.getVariables(copyPi));
    assertThat(actual.get(RecertificationVariables.NDA_REFERENCE.name())).isEqualTo(copyNda);
    for (String own : List.of(RecertificationVariables.PARTNER_CODE.name(), RecertificationVariables.RECERTIFICATION_ID.name(),
        RecertificationVariables.NDA_REFERENCE.name())) {
      assertThat(actual.remove(own)).as(own).isNotNull();
      expected.remove(own);
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(jobs(copyPi)).isEqualTo(jobs(templatePi));
    assertThat(runtime.createEventSubscriptionQuery().processInstanceId(copyPi).list().stream()
        .map(e -> e.getEventType() + ":" + e.getEventName() + ":" + e.getActivityId()).sorted().toList())
        .isEqualTo(runtime.createEventSubscriptionQuery().processInstanceId(templatePi).list().stream()
            .map(e -> e.getEventType() + ":" + e.getEventName() + ":" + e.getActivityId()).sorted().toList());
    assertThat(count("select count(*) from ACT_RU_EXECUTION where PROC_INST_ID_ = ?", copyPi))
        .isEqualTo(count("select count(*) from ACT_RU_EXECUTION where PROC_INST_ID_ = ?", templatePi));
  }

  private List<String> jobs(String pi) {
    return jdbc.query("select TYPE_, HANDLER_TYPE_, HANDLER_CFG_, DUEDATE_, EXCLUSIVE_, RETRIES_, JOB_DEF_ID_ from ACT_RU_JOB "
        + "where PROCESS_INSTANCE_ID_ = ?", (rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)
        + " due " + rs.getTimestamp(4).toInstant() + " exclusive " + rs.getBoolean(5) + " retries " + rs.getInt(6)
        + " definition " + rs.getString(7), pi).stream().sorted().toList();
  }

  private static List<String> sorted(List<String> list) {
    return list.stream().sorted().toList();
  }

  private void deployBare() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(180)
        .startEvent("StartEvent_Started")
        .intermediateCatchEvent("TimerEvent_Due").timerWithDate("${dueAt}")
        .userTask("Task_Wait").camundaCandidateGroups("procurement")
        .endEvent("EndEvent_Done").done();
    repository.createDeployment().name("recertification-benchmark").enableDuplicateFiltering(true)
        .addModelInstance(BARE + ".bpmn", model).deploy();
  }

  private <T> void parallel(List<T> items, java.util.function.Consumer<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SETUP_THREADS);
    try {
      ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < SETUP_THREADS; i++) {
        futures.add(pool.submit(() -> {
          for (T item = queue.poll(); item != null; item = queue.poll()) {
            work.accept(item);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private List<Period> periods(long mark) {
    List<Long> ids = jdbc.queryForList("select id from recertification where id > ? order by id", Long.class, mark);
    RecertificationStore store = new RecertificationStore(jdbc);
    return ids.stream().map(id -> store.find(id, false).orElseThrow()).toList();
  }

  private static void check(List<String> failures, String what, long actual, long expected) {
    if (actual != expected) {
      failures.add(what + ": " + actual + ", expected " + expected);
    }
  }

  private long max(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }

  private static double secs(long nanos) {
    return nanos / 1e9;
  }

  private static String ms(long ms) {
    return String.format("%,d ms", ms);
  }

  private static String rate(long n, long ms) {
    return String.format("%,.0f", n * 1000.0 / Math.max(1, ms));
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
