package io.cordon.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two packaged Cordon JVMs on one MariaDB/MySQL database (its own, {@code <suite database>_faults}, recreated per run),
 * mail to a GreenMail SMTP server in this JVM. {@code cordon.faults.timers} re-certification windows (default 60) come
 * due at the same moment; one node is killed with SIGKILL in the middle of the burst and started again. Every window
 * must fire exactly once across the nodes (one period requested, one evidence event, one attestation task per
 * partner), every queued mail must arrive, a mail may arrive twice only if its row was being sent by the killed node
 * (the documented window, counted), and the consistency checker must find nothing.
 *
 * <p>Runs only in the MariaDB/MySQL suite ({@code -Pmysql-it}), H2 cannot be shared by two JVMs, and only with
 * {@code -Dcordon.faults=true}.
 */
@EnabledIfSystemProperty(named = "cordon.test.database", matches = "mysql")
@EnabledIfSystemProperty(named = "cordon.faults", matches = "true")
class ClusterFaultIT {

  static final int TIMERS = Integer.getInteger("cordon.faults.timers", 60);
  static final Duration BOUND = Duration.ofSeconds(Long.getLong("cordon.faults.timeout-seconds", 300));
  /** A JVM start on a busy 2-CPU machine (schema creation on the first) can take minutes. */
  static final Duration STARTUP = Duration.ofSeconds(Long.getLong("cordon.faults.startup-seconds", 900));
  private static final ObjectMapper JSON = new ObjectMapper();

  GreenMail smtp;
  JdbcTemplate db;
  AppNode a;
  AppNode b;
  final Map<String, Object> figures = new java.util.LinkedHashMap<>();

  @BeforeEach
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
    db = new JdbcTemplate(new SingleConnectionDataSource("jdbc:mysql://" + host + ":" + port + "/" + database
        + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true", user, password, true));
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort()).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    Map<String, String> env = new HashMap<>(Map.of("CORDON_DB_HOST", host, "CORDON_DB_PORT", port, "CORDON_DB_NAME", database,
        "CORDON_DB_USER", user, "CORDON_DB_PASSWORD", password, "CORDON_SMTP_HOST", "127.0.0.1",
        "CORDON_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()), "CORDON_DB_POOL_SIZE", "8"));
    List<String> args = List.of("--spring.profiles.active=mysql,demo",
        // A dead node's job locks and mail claims expire quickly, so the survivor takes over within the test.
        "--camunda.bpm.job-execution.lock-time-in-millis=15000", "--cordon.mail.claim-timeout=PT20S",
        "--cordon.mail.sweep-initial-delay=PT1S", "--cordon.mail.sweep-interval=PT1S",
        "--cordon.consistency.initial-delay=P3650D", "--cordon.evidence.verify-initial-delay=P3650D",
        "--logging.level.root=WARN", "--logging.level.io.cordon=INFO");
    a = new AppNode("node-a", env, args);
    b = new AppNode("node-b", env, args);
    // One after the other: the first creates the schema and deploys the models, the second finds them.
    a.start();
    a.awaitUp(STARTUP);
    b.start();
    b.awaitUp(STARTUP);
  }

  @AfterEach
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
    Files.createDirectories(Path.of("target", "faults"));
    Files.writeString(Path.of("target", "faults", "cluster-figures.txt"), figures.toString());
    System.out.println("Cluster fault run: " + figures);
  }

  @Test
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

    // Every queued mail arrived; a second copy only for rows the killed node was sending.
    long rows = count("select count(*) from mail_outbox");
    Map<String, Integer> copies = new HashMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      copies.merge(m.getMessageID() + " " + String.join(",", java.util.Arrays.stream(m.getAllRecipients())
          .map(Object::toString).toList()), 1, Integer::sum);
    }
    long duplicates = copies.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
    figures.put("mailRows", rows);
    figures.put("mailsReceived", smtp.getReceivedMessages().length);
    figures.put("mailDuplicates", duplicates);
    assertThat(copies).hasSize((int) rows);
    assertThat(duplicates).as("copies beyond the documented window").isLessThanOrEqualTo(sendingByKilled);

    // The checker, asked on the restarted node, finds nothing.
    HttpResponse<String> check = a.get("ada", "/api/admin/consistency");
    assertThat(check.statusCode()).isEqualTo(200);
    JsonNode report = JSON.readTree(check.body());
    figures.put("checkerMillis", report.get("millis").asLong());
    figures.put("violations", report.get("violations").asLong());
    assertThat(report.get("violations").asLong()).as(check.body()).isZero();
    for (String code : codes) {
      assertThat(count("select count(*) from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_ "
          + "where e.ID_ = e.PROC_INST_ID_ and d.KEY_ = 'RecertificationProcess' and e.BUSINESS_KEY_ = '" + code + "'"))
          .as(code).isEqualTo(1);
    }
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
