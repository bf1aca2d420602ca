package io.cordon.disclosure;

import io.cordon.TestProfiles;
import io.cordon.bench.BenchmarkReport;
import io.cordon.bench.BenchmarkSummary;
import io.cordon.bench.CordonBenchmark;
import io.cordon.bench.Latencies;
import io.cordon.bench.RegisterDataGenerator;
import io.cordon.bench.RegisterDataGenerator.DataSet;
import io.cordon.identity.CordonUser;
import io.cordon.secret.SecretService;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Who holds secret X" and "what does partner P hold" (first page, 20 rows, newest first) on the generated register:
 * Cordon's path (DisclosureService: code lookup, JPQL page, count) against the same statements written by hand
 * and run through plain JDBC, alternating which goes first. Run: {@code ./mvnw verify -Pbench -Pmysql-it
 * -Dit.test=LineageQueryBenchmark} (see docs/benchmarks.md).
 */
@CordonBenchmark
class LineageQueryBenchmark {

  private static final int WARM_UP = Integer.getInteger("cordon.bench.warmup", 400);
  private static final int SAMPLES = Integer.getInteger("cordon.bench.samples", 1_000);
  private static final int HEAVY_SAMPLES = SAMPLES / 3;
  private static final Set<DisclosureStatus> ALL = EnumSet.allOf(DisclosureStatus.class);
  private static final Pageable FIRST_PAGE = PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "id"));

  @Autowired
  private DataSource dataSource;
  @Autowired
  private DisclosureService service;
  @Autowired
  private DisclosureRepository repository;
  @Autowired
  private SecretService secrets;
  @Autowired
  private PlatformTransactionManager transactions;
  @Autowired
  private TestRestTemplate rest;

  private final SplittableRandom random = new SplittableRandom(42);

  @AfterEach
  void logOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void lineageQueries() throws Exception {
    DataSet set = RegisterDataGenerator.ensureLoaded(dataSource, RegisterDataGenerator.Size.fromSystemProperties());
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    LineageSql sql = new LineageSql(dataSource);
    LineageKeys keys = LineageKeys.load(jdbc);
    SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
        new CordonUser("sam", List.of("security"), List.of()), null, List.of(new SimpleGrantedAuthority("ROLE_security"))));
    TransactionTemplate readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);

    BenchmarkReport report = new BenchmarkReport("lineage", "Lineage queries");
    report.line(String.format("Data set: %,d secrets, %,d partners, %,d disclosures (%s in %.1f s). Heaviest secret %s "
        + "(%,d holders), heaviest partner %s (%,d disclosures). First page of 20, newest first; %,d warm-up rounds; "
        + "times in ms, p50 / p95 / p99.", set.size().secrets(), set.size().partners(), set.size().disclosures(),
        set.generated() ? "generated" : "already loaded", set.millis() / 1000.0, keys.heaviestSecret(), keys.heaviestSecretCount(),
        keys.heaviestPartner(), keys.heaviestPartnerCount(), WARM_UP));
    report.line("");

    for (int i = 0; i < WARM_UP; i++) {
      String secret = keys.randomSecret(random);
      String partner = keys.randomPartner(random);
      service.holders(secret, ALL, FIRST_PAGE);
      sql.holders(secret, ALL);
      service.holdings(partner, ALL, FIRST_PAGE);
      sql.holdings(partner, ALL);
    }

    report.table("query", "keys", "n", "Cordon (service, JPA)", "hand-written SQL (JDBC)", "ratio p50", "ratio p95");
    Set<DisclosureStatus> current = DisclosureStatus.CURRENT;
    boolean full = set.size().disclosures() >= RegisterDataGenerator.Size.FULL.disclosures();
    summarise("lineage-holders", "lineage: who holds X (random secret)", compare(report, "who holds X, all statuses",
        "random secret", SAMPLES, n -> keys.randomSecret(random), k -> () -> service.holders(k, ALL, FIRST_PAGE),
        k -> () -> sql.holders(k, ALL)), full);
    compare(report, "who holds X, DISCLOSED+SUSPENDED", "random secret", SAMPLES, n -> keys.randomSecret(random),
        k -> () -> service.holders(k, current, FIRST_PAGE), k -> () -> sql.holders(k, current));
    summarise("lineage-holders-heavy", "lineage: who holds X (one of the 100 heaviest secrets)", compare(report,
        "who holds X, all statuses", "one of the 100 heaviest", HEAVY_SAMPLES, n -> keys.randomHeavySecret(random),
        k -> () -> service.holders(k, ALL, FIRST_PAGE), k -> () -> sql.holders(k, ALL)), full);
    compare(report, "who holds X, all statuses", "heaviest " + keys.heaviestSecret(), HEAVY_SAMPLES, n -> keys.heaviestSecret(),
        k -> () -> service.holders(k, ALL, FIRST_PAGE), k -> () -> sql.holders(k, ALL));
    compare(report, "who holds X, DISCLOSED+SUSPENDED", "heaviest " + keys.heaviestSecret(), HEAVY_SAMPLES, n -> keys.heaviestSecret(),
        k -> () -> service.holders(k, current, FIRST_PAGE), k -> () -> sql.holders(k, current));
    summarise("lineage-holdings", "lineage: what does P hold (random partner)", compare(report,
        "what does P hold, all statuses", "random partner", SAMPLES, n -> keys.randomPartner(random),
        k -> () -> service.holdings(k, ALL, FIRST_PAGE), k -> () -> sql.holdings(k, ALL)), full);
    compare(report, "what does P hold, DISCLOSED+SUSPENDED", "random partner", SAMPLES, n -> keys.randomPartner(random),
        k -> () -> service.holdings(k, current, FIRST_PAGE), k -> () -> sql.holdings(k, current));
    compare(report, "what does P hold, all statuses", "heaviest " + keys.heaviestPartner(), HEAVY_SAMPLES, n -> keys.heaviestPartner(),
        k -> () -> service.holdings(k, ALL, FIRST_PAGE), k -> () -> sql.holdings(k, ALL));
    report.endTable();

    report.line("Without the code lookup: the repository's JPQL page + count in a read-only transaction, against the "
        + "same two statements through JDBC (secret id known).");
    report.line("");
    report.table("query", "keys", "n", "repository (JPA)", "page + count (JDBC)", "ratio p50", "ratio p95");
    compare(report, "who holds X, all statuses", "random secret", SAMPLES, n -> keys.randomSecret(random),
        k -> () -> readOnly.execute(tx -> repository.holders(keys.secretId(k), ALL, FIRST_PAGE)),
        k -> () -> sql.holdersById(keys.secretId(k), ALL));
    report.endTable();

    report.line("Where the rest goes: the code lookup alone, SecretService.resolve (Spring Data derived query "
        + "findByCodeIn, entity) in a read-only transaction against `select * from trade_secret where code = ?` (JDBC).");
    report.line("");
    report.table("query", "keys", "n", "SecretService.resolve", "JDBC", "ratio p50", "ratio p95");
    compare(report, "secret by code", "random secret", SAMPLES, n -> keys.randomSecret(random),
        k -> () -> readOnly.execute(tx -> secrets.resolve(List.of(k))), k -> () -> sql.secretRow(k));
    report.endTable();

    report.line("For context, over HTTP: `GET /api/secrets/{code}/holders` as `sam` (HTTP Basic, checked against the "
        + "identity service on every request) against the service call alone.");
    report.line("");
    report.table("query", "keys", "n", "HTTP", "service", "ratio p50", "ratio p95");
    TestRestTemplate sam = rest.withBasicAuth("sam", "sam");
    compare(report, "GET /api/secrets/{code}/holders", "random secret", HEAVY_SAMPLES, n -> keys.randomSecret(random),
        k -> () -> http(sam, "/api/secrets/" + k + "/holders"), k -> () -> service.holders(k, ALL, FIRST_PAGE));
    report.endTable();

    if (TestProfiles.onMysql()) {
      new LineageExplain(jdbc, service, keys).explain(report);
    }
    report.line("Written to " + report.write());
  }

  /** Runs a and b once per key, alternating which goes first, so both see the same caches. */
  private static Latencies[] compare(BenchmarkReport report, String query, String keyLabel, int n, IntFunction<String> key,
      java.util.function.Function<String, Supplier<Object>> a, java.util.function.Function<String, Supplier<Object>> b) {
    Latencies la = new Latencies();
    Latencies lb = new Latencies();
    for (int i = 0; i < n; i++) {
      String k = key.apply(i);
      if (i % 2 == 0) {
        time(la, a.apply(k));
        time(lb, b.apply(k));
      } else {
        time(lb, b.apply(k));
        time(la, a.apply(k));
      }
    }
    report.row(query, keyLabel, n, la.summary(), lb.summary(), BenchmarkReport.ratio(la.p50(), lb.p50()),
        BenchmarkReport.ratio(la.p95(), lb.p95()));
    return new Latencies[] {la, lb};
  }

  /** The run's table: p95 against hand-written SQL; the 10 ms goal is for the full data set. */
  private static void summarise(String key, String workload, Latencies[] measured, boolean fullScale) {
    double ratio = measured[0].p95() / measured[1].p95();
    boolean ratioMet = ratio <= 1.5;
    Boolean met = ratioMet && fullScale ? Boolean.valueOf(measured[0].p95() <= 10) : ratioMet ? null : Boolean.FALSE;
    BenchmarkSummary.add(key, workload + ", first page, p95, vs hand-written SQL", String.format("%.1f ms", measured[0].p95()),
        String.format("%.1f ms", measured[1].p95()), ratio, "<= 1.5x, p95 <= 10 ms at full scale", met, measured[0].p95());
  }

  private static void time(Latencies latencies, Supplier<Object> op) {
    long t0 = System.nanoTime();
    Object result = op.get();
    latencies.add(System.nanoTime() - t0);
    if (result == null) {
      throw new IllegalStateException("no result: the benchmark would measure nothing");
    }
  }

  private static Object http(TestRestTemplate client, String path) {
    var response = client.getForEntity(path, String.class);
    if (response.getStatusCode() != HttpStatus.OK) {
      throw new IllegalStateException(path + " answered " + response.getStatusCode());
    }
    return response.getBody();
  }
}
