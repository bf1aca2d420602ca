package io.cordon.leak;

import io.cordon.Ndas;
import io.cordon.bench.BenchmarkReport;
import io.cordon.bench.CordonBenchmark;
import io.cordon.disclosure.Approval;
import io.cordon.disclosure.DisclosureRequest;
import io.cordon.disclosure.DisclosureService;
import io.cordon.identity.CordonUser;
import io.cordon.nda.NdaLifecycle;
import io.cordon.nda.NdaService;
import io.cordon.partner.Contact;
import io.cordon.partner.PartnerDetails;
import io.cordon.partner.PartnerService;
import io.cordon.partner.PartnerStatus;
import io.cordon.partner.PartnerType;
import io.cordon.secret.Classification;
import io.cordon.secret.ProtectionMeasure;
import io.cordon.secret.SecretCategory;
import io.cordon.secret.SecretDetails;
import io.cordon.secret.SecretService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leak response for a secret disclosed to 1,000 partners, each under its own NDA generated, approved and executed
 * through the services: how long from the report to the snapshot stored, the evidence pack built and placed on hold,
 * and the suspension decision carried out for every holder. The baseline, in the same run: a bare JDBC read, in one
 * read-only transaction, of the rows the snapshot is made of (the secret's disclosures with their partners, the NDA
 * versions, the attestations). Run: {@code ./mvnw verify -Pbench -Dit.test=LeakResponseBenchmark}.
 */
@CordonBenchmark
class LeakResponseBenchmark {

  private static final int HOLDERS = Integer.getInteger("cordon.bench.leak-holders", 1_000);
  private static final int RUNS = Integer.getInteger("cordon.bench.leak-runs", 5);

  @Autowired
  SecretService secrets;
  @Autowired
  PartnerService partners;
  @Autowired
  DisclosureService disclosures;
  @Autowired
  NdaService ndas;
  @Autowired
  NdaLifecycle lifecycle;
  @Autowired
  LeakService leaks;
  @Autowired
  LeakSnapshot snapshot;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  IdentityService identityService;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  PlatformTransactionManager transactions;

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
    identityService.clearAuthentication();
  }

  private static void as(String user, String group) {
    SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
        new CordonUser(user, List.of(group), List.of()), null, List.of()));
  }

  @Test
  void reportToSnapshotPackAndSuspensionForASecretWithAThousandHolders() {
    BenchmarkReport report = new BenchmarkReport("leak-response", "Leak response for a secret with " + HOLDERS + " holders");
    long t0 = System.nanoTime();
    as("oscar", "secret-owners");
    String secret = secrets.register(new SecretDetails("Bench leak secret", "Benchmark", SecretCategory.TECHNICAL,
        Classification.SECRET, "oscar", List.of("PLM"), List.of("Munich"), List.of("DE"),
        Set.of(ProtectionMeasure.ACCESS_CONTROL))).code();
    for (int i = 0; i < HOLDERS; i++) {
      as("paula", "procurement");
      String partner = partners.register(new PartnerDetails("Bench Leak Partner " + i + " GmbH", null, "DE", "HRB " + i,
          "Street " + i, PartnerType.SUPPLIER, null, List.of(new Contact("Li Wei", "li.wei" + i + "@partner.example", "Quality"))))
          .code();
      partners.changeStatus(partner, PartnerStatus.ONBOARDING, null);
      partners.changeStatus(partner, PartnerStatus.ACTIVE, null);
      as("lena", "legal");
      String nda = Ndas.inForce(ndas, lifecycle, partner, List.of(secret));
      as("paula", "procurement");
      long id = disclosures.request(new DisclosureRequest(secret, partner, nda, null, "Tooling", List.of("Li Wei"), null)).id();
      as("oscar", "secret-owners");
      disclosures.decide(id, Approval.Decision.APPROVED, "ok");
      as("paula", "procurement");
      disclosures.disclose(id, null, null);
    }
    SecurityContextHolder.clearContext();
    report.line(String.format("Data: secret %s, %,d partners each with an executed NDA and a current disclosure, set up in %.1f s.",
        secret, HOLDERS, (System.nanoTime() - t0) / 1e9));

    // The snapshot alone, repeated, against the bare read of its rows.
    TransactionTemplate reading = new TransactionTemplate(transactions);
    reading.setReadOnly(true);
    reading.execute(s -> snapshot.take(List.of(secret)));
    baseline(reading, secret);
    report.line("Load average before the timed runs: " + loadAverage() + ".");
    long[] snap = new long[RUNS];
    long[] bare = new long[RUNS];
    int rows = 0;
    for (int r = 0; r < RUNS; r++) {
      long a = System.nanoTime();
      rows = reading.execute(s -> snapshot.take(List.of(secret))).size();
      long b = System.nanoTime();
      baseline(reading, secret);
      bare[r] = System.nanoTime() - b;
      snap[r] = b - a;
    }
    Arrays.sort(snap);
    Arrays.sort(bare);
    double bareMs = bare[RUNS / 2] / 1e6;

    // One whole response, step by step, as the steps run in production (report, task completions, jobs).
    as("sam", "security");
    long a = System.nanoTime();
    long id = leaks.report(List.of(secret), "Benchmark leak", null, null, false);
    long b = System.nanoTime();
    SecurityContextHolder.clearContext();
    String pi = jdbc.queryForObject("select process_instance from leak_incident where id = ?", String.class, id);
    complete(pi, "Task_AssessLeak", "sam", "security", Map.of("assessment", "CONFIRMED"));
    long c = System.nanoTime();
    runJobs(pi);
    long d = System.nanoTime();
    complete(pi, "Task_DecideContainment", "sam", "security", Map.of("containmentScope", "ALL_HOLDERS"));
    long e = System.nanoTime();
    Integer suspended = jdbc.queryForObject("select suspended from leak_incident where id = ?", Integer.class, id);
    String loadAfter = loadAverage();

    report.table("measure", "time (ms)", "ratio to baseline (median)");
    report.row("snapshot of " + rows + " holders (median of " + RUNS + ", min " + String.format("%.0f", snap[0] / 1e6) + ")",
        String.format("%.0f", snap[RUNS / 2] / 1e6), BenchmarkReport.ratio(snap[RUNS / 2] / 1e6, bareMs));
    report.row("report: incident, AT_RISK, gate closed, snapshot stored, process started (one transaction)",
        String.format("%.0f", (b - a) / 1e6), BenchmarkReport.ratio((b - a) / 1e6, bareMs));
    report.row("assessment recorded (CONFIRMED)", String.format("%.0f", (c - b) / 1e6), BenchmarkReport.ratio((c - b) / 1e6, bareMs));
    report.row("evidence preserved: pack of " + HOLDERS + " disclosures, legal hold (job)", String.format("%.0f", (d - c) / 1e6),
        BenchmarkReport.ratio((d - c) / 1e6, bareMs));
    report.row("containment: " + suspended + " disclosures suspended, owners told", String.format("%.0f", (e - d) / 1e6),
        BenchmarkReport.ratio((e - d) / 1e6, bareMs));
    report.row("report to snapshot, pack and suspension done (without the people's time)", String.format("%.0f", (e - a) / 1e6),
        BenchmarkReport.ratio((e - a) / 1e6, bareMs));
    report.row("baseline: bare read of the snapshot's rows (median of " + RUNS + ")", String.format("%.0f", bareMs), "1");
    report.endTable();
    report.line("Load average after: " + loadAfter + ".");
    report.line("Written to " + report.write());
  }

  private void complete(String pi, String key, String user, String group, Map<String, Object> vars) {
    Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
    identityService.setAuthentication(user, List.of(group));
    try {
      taskService.complete(task.getId(), vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void runJobs(String pi) {
    for (int round = 0; round < 5; round++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(pi).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  /** The rows a snapshot is made of, read and dropped: disclosures with partners, NDA versions, attestations. */
  private void baseline(TransactionTemplate reading, String secret) {
    reading.executeWithoutResult(s -> {
      long[] sum = {0};
      jdbc.query("select d.*, p.code, p.legal_name, p.country from disclosure d join partner p on p.id = d.partner_id "
          + "join trade_secret t on t.id = d.secret_id where t.code = ? and d.status in ('DISCLOSED', 'SUSPENDED')", rs -> {
            sum[0] += rs.getLong("id");
          }, secret);
      jdbc.query("select v.* from disclosure d join trade_secret t on t.id = d.secret_id join nda n on n.reference = d.nda_reference "
          + "join nda_version v on v.nda_id = n.id where t.code = ?", rs -> {
            sum[0] += rs.getInt("version");
          }, secret);
      jdbc.query("select a.holders from attestation a join disclosure d on d.id = a.disclosure_id join trade_secret t "
          + "on t.id = d.secret_id where t.code = ?", rs -> {
            sum[0] += rs.getString(1).length();
          }, secret);
    });
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | UnsupportedOperationException e) {
      return "unknown";
    }
  }
}
