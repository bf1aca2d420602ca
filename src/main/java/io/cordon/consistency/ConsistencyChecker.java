package io.cordon.consistency;

import io.cordon.evidence.ChainVerification;
import io.cordon.evidence.ChainVerifier;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Runs every invariant of {@link Invariants} against the database and the evidence chain. Each invariant is one
 * set-based statement (a few index joins or one scan), so a run on a register of a million disclosures takes seconds,
 * not one query per record. Reads only; safe on any node at any time.
 */
@Service
public class ConsistencyChecker {

  /** How many ids of one broken invariant a report names (the count is always complete). */
  static final int MAX_IDS = 50;

  private final JdbcTemplate jdbc;
  private final ChainVerifier chain;
  private final Invariants invariants;
  private final Duration claimTimeout;
  private final AtomicReference<ConsistencyReport> last = new AtomicReference<>();

  ConsistencyChecker(JdbcTemplate jdbc, DataSource dataSource, ChainVerifier chain, ApprovalDemands demands,
      @Value("${cordon.mail.claim-timeout:PT5M}") Duration claimTimeout) {
    this.jdbc = jdbc;
    this.chain = chain;
    this.invariants = new Invariants(Invariants.Dialect.of(dataSource), demands);
    this.claimTimeout = claimTimeout;
  }

  public ConsistencyReport check() {
    long started = System.nanoTime();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Date today = Date.valueOf(LocalDate.ofInstant(now, ZoneOffset.UTC));
    List<InvariantResult> results = new ArrayList<>();
    for (Invariants.Query query : invariants.queries()) {
      Object[] args = switch (query.parameter()) {
        case TODAY -> new Object[] {today};
        case CLAIM_EXPIRED -> new Object[] {Timestamp.from(now.minus(claimTimeout))};
        case NONE -> new Object[0];
      };
      results.add(run(query, args));
    }
    results.add(evidenceChain());
    ConsistencyReport report = ConsistencyReport.of(results, now, elapsed(started));
    last.set(report);
    return report;
  }

  /** The latest run on this node, or null before the first. */
  public ConsistencyReport lastReport() {
    return last.get();
  }

  private InvariantResult run(Invariants.Query query, Object[] args) {
    long started = System.nanoTime();
    List<String> ids = new ArrayList<>();
    long[] count = {0};
    jdbc.query(query.sql(), rs -> {
      if (count[0]++ < MAX_IDS) {
        ids.add(rs.getString(1));
      }
    }, args);
    return new InvariantResult(query.name(), query.rule(), count[0], ids, elapsed(started));
  }

  private InvariantResult evidenceChain() {
    long started = System.nanoTime();
    ChainVerification verification = chain.verify();
    return verification.intact()
        ? new InvariantResult("EVIDENCE_CHAIN_BROKEN", Invariants.CHAIN_RULE, 0, List.of(), elapsed(started))
        : new InvariantResult("EVIDENCE_CHAIN_BROKEN", Invariants.CHAIN_RULE + " " + verification.problem(), 1,
            List.of(String.valueOf(verification.firstBrokenSeq())), elapsed(started));
  }

  private static long elapsed(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }
}
