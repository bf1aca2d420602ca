package io.cordon.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two packaged Cordon JVMs on one MariaDB/MySQL database (its own, {@code <suite database>_faults}, recreated per run),
 * mail to a GreenMail SMTP server in this JVM. {@code cordon.faults.timers} re-certification windows (default 60) come
 * due at the same moment; one node is killed with SIGKILL in the middle of the burst and started again. Every window
 * must fire exactly once across the nodes (one period requested, one evidence event, one attestation task per
 * partner), every queued mail must arrive, a mail may arrive twice only if its row was being sent by the killed node
 * (the documented window, counted), and the consistency checker must find nothing. Then the same tasks are completed
 * on both nodes at once (one outcome, a 409 for the loser), and onboardings are driven through the REST API while
 * nodes are killed during an NDA generation, a task completion and the mail sweep.
 *
 * <p>Runs only in the MariaDB/MySQL suite ({@code -Pmysql-it}), H2 cannot be shared by two JVMs, and only with
 * {@code -Dcordon.faults=true}.
 */
@EnabledIfSystemProperty(named = "cordon.test.database", matches = "mysql")
@EnabledIfSystemProperty(named = "cordon.faults", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultIT {

  static final int TIMERS = Integer.getInteger("cordon.faults.timers", 60);
  /** Tasks completed on both nodes at the same moment. */
  static final int RACES = Integer.getInteger("cordon.faults.races", 10);
  /** Onboardings driven end to end while nodes are killed, by this many concurrent drivers. */
  static final int ONBOARDINGS = Integer.getInteger("cordon.faults.onboardings", 16);
  static final int DRIVERS = Integer.getInteger("cordon.faults.drivers", 4);
  static final Duration BOUND = Duration.ofSeconds(Long.getLong("cordon.faults.timeout-seconds", 300));
  /** A JVM start on a busy 2-CPU machine (schema creation on the first) can take minutes. */
  static final Duration STARTUP = Duration.ofSeconds(Long.getLong("cordon.faults.startup-seconds", 900));
  private static final ObjectMapper JSON = new ObjectMapper();

  GreenMail smtp;
  HikariDataSource dataSource;
  JdbcTemplate db;
  AppNode a;
  AppNode b;
  final Map<String, Object> figures = new java.util.LinkedHashMap<>();
  /** Mail rows a killed node had claimed (SENDING) at its death: the documented window for a second copy. */
  int mailWindow;

  @BeforeAll
  void cluster() throws Exception {
    String host = System.getProperty("CORDON_DB_HOST", "127.0.0.1");
    String port = System.getProperty("CORDON_DB_PORT", "3306");
    String database = System.getProperty("CORDON_DB_NAME", "cordon_it") + "_faults";
    String user = System.getProperty("CORDON_DB_USER", "cordon");
    String password = System.getProperty("CORDON_DB_PASSWORD", "cordon");
    try (Connection c = DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/", user, password);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database);
      s.execute("create database " + database + " character set utf8mb4 collate utf8mb4_bin");
    }
    // A small pool: the onboarding drivers read where their instances stand, from several threads at once.
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl("jdbc:mysql://" + host + ":" + port + "/" + database
        + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true");
    dataSource.setUsername(user);
    dataSource.setPassword(password);
    dataSource.setMaximumPoolSize(DRIVERS + 2);
    db = new JdbcTemplate(dataSource);
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort()).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    Map<String, String> env = new HashMap<>(Map.of("CORDON_DB_HOST", host, "CORDON_DB_PORT", port, "CORDON_DB_NAME", database,
        "CORDON_DB_USER", user, "CORDON_DB_PASSWORD", password, "CORDON_SMTP_HOST", "127.0.0.1",
        // The default pool (20): a node needs a connection per job executor thread (up to 10), its acquisition, the
        // mail sweep and its requests; with 8, job acquisition, the sweep and requests timed out waiting for one.
        "CORDON_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort())));
    List<String> args = List.of("--spring.profiles.active=mysql,demo",
        // A dead node's job locks and mail claims expire quickly, so the survivor takes over within the test.
        "--camunda.bpm.job-execution.lock-time-in-millis=15000", "--cordon.mail.claim-timeout=PT20S",
        "--cordon.mail.sweep-initial-delay=PT1S", "--cordon.mail.sweep-interval=PT1S",
        "--cordon.consistency.initial-delay=P3650D", "--cordon.evidence.verify-initial-delay=P3650D",
        "--logging.level.root=WARN", "--logging.level.io.cordon=INFO",
        // "Generating NDA ...": the moment to kill a node in the middle of a generation.
        "--logging.level.io.cordon.nda.NdaService=DEBUG",
        // Why a request was refused (401), in the node's log.
        "--logging.level.org.springframework.security.web.authentication.www.BasicAuthenticationFilter=DEBUG");
    a = new AppNode("node-a", env, args);
    b = new AppNode("node-b", env, args);
    // One after the other: the first creates the schema and deploys the models, the second finds them.
    a.start();
    a.awaitUp(STARTUP);
    b.start();
    b.awaitUp(STARTUP);
  }

  @AfterAll
  void down() throws Exception {
    if (a != null) {
      a.stop();
    }
    if (b != null) {
      b.stop();
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (dataSource != null) {
      dataSource.close();
    }
    Files.createDirectories(Path.of("target", "faults"));
    Files.writeString(Path.of("target", "faults", "cluster-figures.txt"), figures.toString());
    System.out.println("Cluster fault run: " + figures);
  }

  @Test
  @Order(1)
  void timersDueAtOnceFireExactlyOnceAcrossTwoNodesAlsoWhenOneIsKilledInTheBurst() throws Exception {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < TIMERS; i++) {
      AppNode node = i % 2 == 0 ? a : b;
      HttpResponse<String> registered = node.post("paula", "/api/partners", JSON.writeValueAsString(Map.of(
          "legalName", "Fault Test " + i + " GmbH", "country", "DE", "type", "SUPPLIER",
          "contacts", List.of(Map.of("name", "Contact " + i, "email", "contact" + i + "@partner.example", "role", "quality")))));
      assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
      String code = JSON.readTree(registered.body()).get("code").asText();
      codes.add(code);
      // What onboarding leaves behind (driven elsewhere): an assessed, active partner.
      db.update("update partner set status = 'ACTIVE', risk_tier = 'LOW' where code = ?", code);
      HttpResponse<String> started = node.post("ada", "/engine-rest/process-definition/key/RecertificationProcess/start",
          JSON.writeValueAsString(Map.of("businessKey", code, "variables", Map.of(
              "partnerCode", Map.of("value", code, "type", "String"), "responsibleUser", Map.of("value", "paula", "type", "String")))));
      assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    }
    assertThat(count("select count(*) from recertification where status = 'SCHEDULED'")).isEqualTo(TIMERS);

    // The day comes: every window timer is due now, on both nodes at once.
    long burstStarted = System.nanoTime();
    int due = db.update("update ACT_RU_JOB set DUEDATE_ = utc_timestamp() - interval 5 second, LOCK_EXP_TIME_ = null, "
        + "LOCK_OWNER_ = null where JOB_DEF_ID_ in (select ID_ from ACT_RU_JOBDEF where ACT_ID_ = 'TimerEvent_WindowOpens')");
    figures.put("timersDue", due);
    LongSupplier requested = () -> count("select count(*) from recertification where status = 'REQUESTED'");
    awaitAtLeast(requested, Math.max(1, TIMERS / 4), Duration.ofSeconds(120));
    int sendingByKilled = count("select count(*) from mail_outbox where status = 'SENDING'");
    a.kill();
    mailWindow += sendingByKilled;
    figures.put("requestedWhenKilled", requested.getAsLong());
    figures.put("mailsSendingWhenKilled", sendingByKilled);

    awaitAtLeast(requested, TIMERS, BOUND);
    figures.put("burstSeconds", (System.nanoTime() - burstStarted) / 1_000_000_000.0);
    a.start();
    a.awaitUp(STARTUP);
    awaitAtLeast(() -> count("select count(*) from mail_outbox where status = 'SENT'"),
        count("select count(*) from mail_outbox"), BOUND);

    // Exactly once: one period requested, one evidence event, one attestation task per partner.
    assertThat(count("select count(*) from recertification where status = 'REQUESTED'")).isEqualTo(TIMERS);
    assertThat(db.queryForList("select partner_code from evidence_event where type = 'RECERTIFICATION_REQUESTED' "
        + "group by partner_code having count(*) <> 1", String.class)).isEmpty();
    assertThat(count("select count(distinct partner_code) from evidence_event where type = 'RECERTIFICATION_REQUESTED'"))
        .isEqualTo(TIMERS);
    assertThat(count("select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_Attest'")).isEqualTo(TIMERS);
    long fired = count("select count(*) from ACT_HI_JOB_LOG where JOB_DEF_ID_ in (select ID_ from ACT_RU_JOBDEF "
        + "where ACT_ID_ = 'TimerEvent_WindowOpens') and JOB_STATE_ = 2");
    figures.put("timersFired", fired);
    assertThat(fired).as("successful window timer executions").isEqualTo(TIMERS);

    figures.put("mailDuplicatesAfterBurst", mailSentOnceButForTheWindow());
    // The checker, asked on the restarted node, finds nothing.
    assertNoViolations(a);
    for (String code : codes) {
      assertThat(count("select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_ "
          + "where e.ID_ = e.PROC_INST_ID_ and d.KEY_ = 'RecertificationProcess' and e.BUSINESS_KEY_ = '" + code + "'"))
          .as(code).isEqualTo(1);
    }
  }

  /**
   * The attestation tasks the burst left open ({@link #RACES} of them), each completed through the engine REST API on
   * both nodes at the same moment (the two requests released together): one completion wins, the other is answered
   * with a 409 problem detail, never a 500; the period is recorded once.
   */
  @Test
  @Order(2)
  void theSameTaskCompletedOnBothNodesAtOnceHasOneOutcomeAndTheLoserGetsA409() throws Exception {
    List<String> taskIds = db.queryForList("select ID_ from ACT_RU_TASK where TASK_DEF_KEY_ = 'Task_Attest' order by ID_ limit "
        + RACES, String.class);
    assertThat(taskIds).as("open attestation tasks (left by the burst)").hasSize(RACES);
    String answer = JSON.writeValueAsString(Map.of("variables", Map.of("attestation", Map.of("value", "[]", "type", "String"))));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    int conflicts = 0;
    int bothRefused = 0;
    try {
      for (String taskId : taskIds) {
        String partner = db.queryForObject("select e.BUSINESS_KEY_ from ACT_RU_TASK t join ACT_RU_EXECUTION e "
            + "on e.ID_ = t.PROC_INST_ID_ where t.ID_ = ?", String.class, taskId);
        List<HttpResponse<String>> responses = race(pool, taskId, answer);
        // Both refused: a job of the instance (a reminder) changed it at that moment; nothing was completed. Again.
        for (int again = 0; again < 3 && responses.stream().allMatch(r -> r.statusCode() == 409); again++) {
          assertThat(count("select count(*) from ACT_RU_TASK where ID_ = '" + taskId + "'")).isEqualTo(1);
          bothRefused++;
          Thread.sleep(1000);
          responses = race(pool, taskId, answer);
        }
        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).sorted().toList();
        assertThat(statuses).as(taskId + ": " + responses.stream().map(HttpResponse::body).toList()).containsExactly(204, 409);
        HttpResponse<String> loser = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertThat(loser.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(loser.body());
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("detail").asText()).contains("same moment");
        conflicts++;
        // One outcome: the task is completed once, the period's attestation recorded once.
        assertThat(count("select count(*) from ACT_HI_TASKINST where ID_ = '" + taskId + "' and END_TIME_ is not null")).isEqualTo(1);
        assertThat(count("select count(*) from evidence_event where type = 'RECERTIFICATION_ATTESTED' and partner_code = '"
            + partner + "'")).as(partner).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    figures.put("completionRaces", taskIds.size());
    figures.put("racesBothRefusedThenRepeated", bothRefused);
    figures.put("conflicts409", conflicts);
  }

  /**
   * {@link #ONBOARDINGS} partner onboardings driven concurrently through the engine REST API on both nodes, while a
   * node is killed with SIGKILL at each of these points in turn and started again: during an NDA generation (its
   * job's transaction open: the node has logged the generation's start), during task completions (a completion
   * request to it in flight), during the outbox sweep (a mail row claimed by it, being sent). Then every onboarding
   * ends with its partner active and one re-certification running, every NDA was generated once, every acknowledged
   * request is there, mail is sent once but for the documented window, and the checker finds nothing.
   */
  @Test
  @Order(3)
  void onboardingsDrivenThroughRestSurviveKillsDuringNdaGenerationTaskCompletionAndMailSweep() throws Exception {
    HttpResponse<String> secret = a.post("sam", "/api/secrets", JSON.writeValueAsString(
        io.cordon.Fixtures.secret("Crash test housing tolerances", "SECRET", "oscar")));
    assertThat(secret.statusCode()).as(secret.body()).isEqualTo(201);
    String secretCode = JSON.readTree(secret.body()).get("code").asText();
    List<AppNode> nodes = List.of(a, b);
    OnboardingDriver driver = new OnboardingDriver(nodes, db, secretCode);
    List<String> names = OnboardingDriver.names(String.valueOf(System.currentTimeMillis() % 100_000), ONBOARDINGS);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(DRIVERS);
    List<java.util.concurrent.Future<String>> runs = new ArrayList<>();
    long started = System.nanoTime();
    for (String name : names) {
      runs.add(pool.submit(() -> driver.onboard(name, BOUND.multipliedBy(3))));
    }
    Map<String, String> kills = new java.util.LinkedHashMap<>();
    try {
      // 1. During an NDA generation: a node has logged "Generating NDA" and not yet committed.
      AppNode generating = awaitNode(nodes, node -> node.loggedSinceMark("Generating NDA"), Duration.ofSeconds(240),
          "an NDA generation");
      killAndRestart(generating, "NDA generation", kills);
      // 2. During task completions: a completion request to the node is in flight.
      AppNode completing = awaitNode(nodes, node -> driver.completing[nodes.indexOf(node)].get() > 0, Duration.ofSeconds(240),
          "a task completion");
      killAndRestart(completing, "task completion", kills);
      // 3. During the outbox sweep: a mail row is claimed by the node (SENDING). An onboarding sends no mail; the
      // re-certification windows of the partners onboarded so far open now, and each queues its requests.
      int windows = db.update("update ACT_RU_JOB set DUEDATE_ = utc_timestamp() - interval 5 second, LOCK_EXP_TIME_ = null, "
          + "LOCK_OWNER_ = null where JOB_DEF_ID_ in (select ID_ from ACT_RU_JOBDEF where ACT_ID_ = 'TimerEvent_WindowOpens')");
      figures.put("windowsOpenedForMail", windows);
      AppNode sweeping = awaitNode(nodes, node -> count("select count(*) from mail_outbox where status = 'SENDING' and "
          + "claimed_by like '" + node.pid() + "@%'") > 0, Duration.ofSeconds(240), "a mail being sent");
      killAndRestart(sweeping, "outbox sweep", kills);
      for (java.util.concurrent.Future<String> run : runs) {
        run.get();
      }
      a.awaitUp(STARTUP);
      b.awaitUp(STARTUP);
    } finally {
      pool.shutdownNow();
    }
    figures.put("onboardingsDriven", ONBOARDINGS);
    figures.put("onboardingSeconds", (System.nanoTime() - started) / 1_000_000_000.0);
    figures.put("kills", kills);
    figures.put("requestsUnanswered", driver.unanswered.get());
    figures.put("completionsAlreadyDone", driver.conflicts.get());
    assertThat(kills).hasSize(3);

    // Every onboarding ended where it should, its partner active with one re-certification running.
    for (String name : names) {
      Map<String, Object> partner = db.queryForMap("select code, status from partner where legal_name = ?", name);
      String code = (String) partner.get("code");
      assertThat(partner.get("status")).as(name).isEqualTo("ACTIVE");
      assertThat(count("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'PartnerOnboardingProcess' and "
          + "END_ACT_ID_ = 'EndEvent_PartnerOnboarded' and ID_ in (select PROC_INST_ID_ from ACT_HI_VARINST where "
          + "NAME_ = 'partnerName' and TEXT_ = '" + name + "')")).as(name + " onboarded once").isEqualTo(1);
      assertThat(count("select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_ "
          + "where e.ID_ = e.PROC_INST_ID_ and d.KEY_ = 'RecertificationProcess' and e.BUSINESS_KEY_ = '" + code + "'"))
          .as(code + " re-certification").isEqualTo(1);
      // No step generated two NDAs: one NDA, one version, one generation in the evidence.
      assertThat(count("select count(*) from nda where partner_code = '" + code + "'")).as(code + " NDAs").isEqualTo(1);
      assertThat(count("select count(*) from nda_version v join nda n on n.id = v.nda_id where n.partner_code = '" + code + "'"))
          .as(code + " NDA versions").isEqualTo(1);
      assertThat(count("select count(*) from evidence_event where type = 'NDA_GENERATED' and partner_code = '" + code + "'"))
          .as(code + " NDA generations").isEqualTo(1);
    }
    assertThat(count("select count(*) from ACT_RU_INCIDENT")).as("incidents").isZero();
    // Every request the driver saw acknowledged is there.
    for (String instance : driver.startsAcknowledged) {
      assertThat(count("select count(*) from ACT_HI_PROCINST where ID_ = '" + instance + "'")).as(instance).isEqualTo(1);
    }
    for (String task : driver.completionsAcknowledged) {
      assertThat(count("select count(*) from ACT_HI_TASKINST where ID_ = '" + task + "' and END_TIME_ is not null"))
          .as(task).isEqualTo(1);
    }
    figures.put("startsAcknowledged", driver.startsAcknowledged.size());
    figures.put("completionsAcknowledged", driver.completionsAcknowledged.size());

    awaitAtLeast(() -> count("select count(*) from mail_outbox where status = 'SENT'"), count("select count(*) from mail_outbox"), BOUND);
    long duplicates = mailSentOnceButForTheWindow();
    figures.put("mailDuplicatesTotal", duplicates);
    assertNoViolations(b);
  }

  /** The same completion sent to both nodes, released together. */
  private List<HttpResponse<String>> race(java.util.concurrent.ExecutorService pool, String taskId, String answer)
      throws Exception {
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (AppNode node : List.of(a, b)) {
      answers.add(pool.submit(() -> {
        together.await();
        return node.post("paula", "/engine-rest/task/" + taskId + "/complete", answer);
      }));
    }
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (java.util.concurrent.Future<HttpResponse<String>> f : answers) {
      responses.add(f.get());
    }
    return responses;
  }

  private AppNode awaitNode(List<AppNode> nodes, java.util.function.Predicate<AppNode> doing, Duration timeout, String what)
      throws InterruptedException {
    nodes.forEach(AppNode::markLog);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (AppNode node : nodes) {
        if (node.alive() && doing.test(node)) {
          return node;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("No node was seen in " + what + " within " + timeout);
  }

  private void killAndRestart(AppNode node, String point, Map<String, String> kills) throws Exception {
    int sending = count("select count(*) from mail_outbox where status = 'SENDING' and claimed_by like '" + node.pid() + "@%'");
    node.kill();
    mailWindow += sending;
    kills.put(point, node.name() + " (mails being sent: " + sending + ")");
    // Started again at once; the next kill point may come on the other node before this one serves again.
    node.start();
  }

  /**
   * Every queued mail arrived; a second copy only for rows a killed node was sending (the window). Returns the copies
   * beyond the first.
   */
  private long mailSentOnceButForTheWindow() throws Exception {
    long rows = count("select count(*) from mail_outbox");
    Map<String, Integer> copies = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      copies.merge(m.getMessageID() + " " + String.join(",", java.util.Arrays.stream(m.getAllRecipients())
          .map(Object::toString).toList()), 1, Integer::sum);
    }
    long duplicates = copies.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
    figures.put("mailRows", rows);
    figures.put("mailsReceived", smtp.getReceivedMessages().length);
    figures.put("mailWindow", mailWindow);
    assertThat(copies).hasSize((int) rows);
    assertThat(duplicates).as("copies beyond the documented window").isLessThanOrEqualTo(mailWindow);
    return duplicates;
  }

  private void assertNoViolations(AppNode node) throws Exception {
    HttpResponse<String> check = node.get("ada", "/api/admin/consistency");
    assertThat(check.statusCode()).isEqualTo(200);
    JsonNode report = JSON.readTree(check.body());
    figures.merge("checkerMillis", report.get("millis").asLong(), (x, y) -> x + "," + y);
    figures.put("violations", report.get("violations").asLong());
    assertThat(report.get("violations").asLong()).as(check.body()).isZero();
  }

  private int count(String sql) {
    Long n = db.queryForObject(sql, Long.class);
    return n == null ? 0 : n.intValue();
  }

  private static void awaitAtLeast(LongSupplier value, long target, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (value.getAsLong() < target) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Waited " + timeout + " for " + target + ", reached " + value.getAsLong());
      }
      Thread.sleep(50);
    }
  }
}
