package io.cordon.evidence;

import io.cordon.bench.BenchmarkReport;
import io.cordon.bench.BenchmarkSummary;
import io.cordon.bench.CordonBenchmark;
import io.cordon.bench.Latencies;
import io.cordon.bench.RegisterDataGenerator;
import io.cordon.identity.CordonUser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evidence chain: appends from one thread, each in its own transaction, against bare single-row inserts in their
 * own transactions; and verification of a chain of a million events against a bare read of the same rows.
 * Run: {@code ./mvnw verify -Pbench -Pmysql-it -Dit.test=EvidenceChainBenchmark} (see docs/benchmarks.md).
 */
@CordonBenchmark
class EvidenceChainBenchmark {

  private static final double SCALE = Double.parseDouble(System.getProperty("cordon.bench.scale", "1"));
  private static final long CHAIN = (long) (2_000_000 * SCALE);
  private static final int APPENDS = Integer.getInteger("cordon.bench.appends", 3_000);
  private static final int VERIFY_RUNS = Integer.getInteger("cordon.bench.verify-runs", 3);
  private static final int HASH_SAMPLE = Integer.getInteger("cordon.bench.hash-sample", 50_000);
  private static final String BASELINE_TABLE = "bench_insert_baseline";

  @Autowired
  private DataSource dataSource;
  @Autowired
  private EvidenceChain chain;
  @Autowired
  private ChainVerifier verifier;
  @Autowired
  private PlatformTransactionManager transactions;

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void evidenceChain() throws Exception {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    BenchmarkReport report = new BenchmarkReport("evidence-chain", "Evidence chain");
    long t0 = System.nanoTime();
    long added = EvidenceChainGenerator.ensureLength(dataSource, CHAIN, RegisterDataGenerator.SEED);
    report.line(String.format("Chain: %,d events (%,d generated now in %.1f s).", chain.head().seq(), added,
        (System.nanoTime() - t0) / 1e9));
    report.line("");
    SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
        new CordonUser("paula", List.of("procurement"), List.of()), null, List.of()));
    appends(jdbc, report);
    verification(report);
    report.line("Written to " + report.write());
  }

  private void appends(JdbcTemplate jdbc, BenchmarkReport report) throws SQLException {
    jdbc.execute("drop table if exists " + BASELINE_TABLE);
    // evidence_event's columns and primary key, without its two secondary indexes and the link table.
    jdbc.execute("create table " + BASELINE_TABLE + " (seq bigint not null primary key, occurred_at datetime(6) not null, "
        + "actor varchar(64) not null, type varchar(64) not null, partner_code varchar(32), secret_codes longtext, "
        + "nda_reference varchar(64), document_hash char(64), process_instance varchar(64), activity varchar(255), "
        + "payload longtext not null, prev_hash char(64) not null, hash char(64) not null)");
    TransactionTemplate tx = new TransactionTemplate(transactions);
    SplittableRandom random = new SplittableRandom(RegisterDataGenerator.SEED);
    long baselineSeq = 0;
    for (int i = 0; i < APPENDS / 10; i++) {
      tx.executeWithoutResult(s -> chain.append(record(random)));
      bareInsert(++baselineSeq, random);
      Object[] row = row(++baselineSeq, random);
      tx.executeWithoutResult(s -> jdbc.update(insertSql(), row));
    }
    jdbc.execute("delete from " + BASELINE_TABLE);
    // Interleaved, so both see the same load on the shared machine.
    Latencies append = new Latencies();
    Latencies bare = new Latencies();
    Latencies spring = new Latencies();
    long appendNanos = 0;
    long bareNanos = 0;
    long springNanos = 0;
    for (int i = 0; i < APPENDS; i++) {
      EvidenceRecord record = record(random);
      long a = System.nanoTime();
      tx.executeWithoutResult(s -> chain.append(record));
      long b = System.nanoTime();
      bareInsert(++baselineSeq, random);
      long c = System.nanoTime();
      Object[] row = row(++baselineSeq, random);
      tx.executeWithoutResult(s -> jdbc.update(insertSql(), row));
      long d = System.nanoTime();
      append.add(b - a);
      bare.add(c - b);
      spring.add(d - c);
      appendNanos += b - a;
      bareNanos += c - b;
      springNanos += d - c;
    }
    jdbc.execute("drop table " + BASELINE_TABLE);
    // For comparison: the same number of events with the commit shared by 100 of them (an import's appendAll).
    long batchStart = System.nanoTime();
    for (int i = 0; i < APPENDS / 100; i++) {
      List<EvidenceRecord> records = new ArrayList<>(100);
      for (int k = 0; k < 100; k++) {
        records.add(record(random));
      }
      tx.executeWithoutResult(s -> chain.appendAll(records));
    }
    long batchNanos = System.nanoTime() - batchStart;
    report.line(String.format("Appends from one thread, %,d of each, interleaved, each in its own transaction (commit "
        + "included); latency in ms, p50 / p95 / p99.", APPENDS));
    report.line("");
    report.table("operation", "events/s", "latency p50 / p95 / p99", "throughput vs bare insert");
    report.row("EvidenceChain.append (TransactionTemplate)", perSecond(APPENDS, appendNanos), append.summary(),
        BenchmarkReport.ratio(bareNanos, appendNanos));
    report.row("bare insert, plain JDBC, own transaction", perSecond(APPENDS, bareNanos), bare.summary(), "1.00");
    report.row("bare insert, TransactionTemplate + JdbcTemplate", perSecond(APPENDS, springNanos), spring.summary(),
        BenchmarkReport.ratio(bareNanos, springNanos));
    report.row("EvidenceChain.appendAll, 100 events per transaction", perSecond(APPENDS / 100 * 100, batchNanos),
        "-", BenchmarkReport.ratio(bareNanos / (double) APPENDS, batchNanos / (double) (APPENDS / 100 * 100)));
    report.endTable();
    BenchmarkSummary.add("evidence-append", "evidence append, one thread, one transaction each, vs bare insert + commit "
            + "(throughput)", perSecond(APPENDS, appendNanos) + " events/s", perSecond(APPENDS, bareNanos) + " inserts/s",
        bareNanos / (double) appendNanos, ">= 0.8x", bareNanos / (double) appendNanos >= 0.8, appendNanos / 1e6 / APPENDS);
  }

  private void verification(BenchmarkReport report) throws SQLException {
    double[] verify = new double[VERIFY_RUNS];
    double[] read = new double[VERIFY_RUNS];
    double[] page = new double[VERIFY_RUNS];
    double[] hash = new double[VERIFY_RUNS];
    List<EvidenceEvent> sample = new ArrayList<>();
    while (sample.size() < HASH_SAMPLE) {
      List<EvidenceEvent> more = chain.page(sample.isEmpty() ? 0 : sample.get(sample.size() - 1).seq(), ChainVerifier.PAGE);
      sample.addAll(more);
      if (more.size() < ChainVerifier.PAGE) {
        break;
      }
    }
    long events = 0;
    for (int run = 0; run < VERIFY_RUNS; run++) {
      long p0 = System.nanoTime();
      long pageRows = pageRead();
      long p1 = System.nanoTime();
      hashAll(sample);
      long p2 = System.nanoTime();
      page[run] = pageRows / ((p1 - p0) / 1e9);
      hash[run] = sample.size() / ((p2 - p1) / 1e9);
      long t0 = System.nanoTime();
      ChainVerification result = verifier.verify();
      long t1 = System.nanoTime();
      if (!result.intact()) {
        throw new IllegalStateException("chain broken at " + result.firstBrokenSeq() + ": " + result.problem());
      }
      events = result.eventsChecked();
      long rows = bareRead();
      long t2 = System.nanoTime();
      if (rows != events) {
        throw new IllegalStateException("read " + rows + " rows but verified " + events + " events");
      }
      verify[run] = events / ((t1 - t0) / 1e9);
      read[run] = rows / ((t2 - t1) / 1e9);
    }
    report.line(String.format("Verification of the whole chain (%,d events), %d runs alternating with the baseline: a "
        + "bare read of the same rows and columns through JDBC, keyset pages of %,d in seq order, no hashing.",
        events, VERIFY_RUNS, ChainVerifier.PAGE));
    report.line("");
    report.table("operation", "events/s per run", "median events/s", "median vs bare read");
    double verifyMedian = median(verify);
    double readMedian = median(read);
    report.row("ChainVerifier.verify()", runs(verify), String.format("%,.0f", verifyMedian),
        BenchmarkReport.ratio(verifyMedian, readMedian));
    report.row("bare read (JDBC)", runs(read), String.format("%,.0f", readMedian), "1.00");
    report.row("where it goes: EvidenceChain.page() over the chain, no checks", runs(page),
        String.format("%,.0f", median(page)), BenchmarkReport.ratio(median(page), readMedian));
    report.row(String.format("where it goes: canonical form + SHA-256 of %,d events in memory", sample.size()), runs(hash),
        String.format("%,.0f", median(hash)), BenchmarkReport.ratio(median(hash), readMedian));
    report.endTable();
    BenchmarkSummary.add("chain-verification", String.format("evidence chain verification (%,d events) vs bare JDBC read "
            + "of the same rows (throughput)", events), String.format("%,.0f events/s", verifyMedian),
        String.format("%,.0f rows/s", readMedian), verifyMedian / readMedian, ">= 0.8x", verifyMedian / readMedian >= 0.8,
        1000 / verifyMedian);
  }

  /** The chain as the verifier reads it (rows mapped to events), without checking anything. */
  private long pageRead() {
    long rows = 0;
    long after = 0;
    while (true) {
      List<EvidenceEvent> page = chain.page(after, ChainVerifier.PAGE);
      rows += page.size();
      if (page.size() < ChainVerifier.PAGE) {
        return rows;
      }
      after = page.get(page.size() - 1).seq();
    }
  }

  private static void hashAll(List<EvidenceEvent> events) {
    for (EvidenceEvent event : events) {
      if (!CanonicalJson.sha256Hex(event.canonical()).equals(event.hash())) {
        throw new IllegalStateException("event " + event.seq() + " does not match its hash");
      }
    }
  }

  /** Every row of the chain, every column read, in keyset pages like the verifier's. */
  private long bareRead() throws SQLException {
    long rows = 0;
    long after = 0;
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select seq, occurred_at, "
        + "actor, type, partner_code, secret_codes, nda_reference, document_hash, process_instance, activity, payload, "
        + "prev_hash, hash from evidence_event where seq > ? order by seq limit ?")) {
      while (true) {
        ps.setLong(1, after);
        ps.setInt(2, ChainVerifier.PAGE);
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            after = rs.getLong(1);
            rs.getTimestamp(2);
            for (int i = 3; i <= 13; i++) {
              rs.getString(i);
            }
            n++;
          }
        }
        rows += n;
        if (n < ChainVerifier.PAGE) {
          break;
        }
      }
    }
    return rows;
  }

  private void bareInsert(long seq, SplittableRandom random) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(insertSql())) {
        Object[] row = row(seq, random);
        for (int i = 0; i < row.length; i++) {
          ps.setObject(i + 1, row[i]);
        }
        ps.executeUpdate();
        c.commit();
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  private static String insertSql() {
    return "insert into " + BASELINE_TABLE + " (seq, occurred_at, actor, type, partner_code, secret_codes, nda_reference, "
        + "document_hash, process_instance, activity, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  }

  /** A row like an event. */
  private static Object[] row(long seq, SplittableRandom r) {
    EvidenceEvent e = EvidenceChainGenerator.next(seq, "0".repeat(64), r);
    return new Object[] {e.seq(), Timestamp.from(Instant.now()), e.actor(), e.type(), e.partnerCode(),
        String.join(",", e.secretCodes()), e.ndaReference(), e.documentHash(), e.processInstanceId(), e.activityId(),
        e.payload(), e.prevHash(), e.hash()};
  }

  /** What a module records when a disclosure moves on: partner, one to three secrets, a small payload. */
  private static EvidenceRecord record(SplittableRandom r) {
    List<String> secrets = new ArrayList<>();
    for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
      secrets.add(String.format("TS-%04d", 1 + r.nextInt(5_000)));
    }
    return EvidenceRecord.of("SECRET_DISCLOSED").partner(String.format("P-%04d", 1 + r.nextInt(10_000))).secrets(secrets)
        .nda("NDA-P-" + (1 + r.nextInt(10_000)) + "-1", null)
        .payload(Map.of("disclosureId", 1 + r.nextInt(1_000_000), "permittedRecipients", List.of("Engineering team")));
  }

  private static String perSecond(int n, long nanos) {
    return String.format("%,.0f", n / (nanos / 1e9));
  }

  private static String runs(double[] values) {
    return String.join(", ", Arrays.stream(values).mapToObj(v -> String.format("%,.0f", v)).toList());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
